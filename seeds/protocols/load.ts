import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crossFileProblems, type Protocol, protocolSchema } from '../../lib/protocols/schema';

/** One JSON file per protocol or diet, named `<id>.json`. */
export const PROTOCOLS_DIR = join(process.cwd(), 'seeds', 'protocols');

/**
 * Parses one protocol file. Throws an Error naming the file and, for a schema failure, the path
 * of every bad field (e.g. `aip.json: phases.0.exclude.3: Invalid option…`).
 */
export function parseProtocolFile(fileName: string, text: string): Protocol {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${fileName}: not valid JSON`, { cause });
  }
  const parsed = protocolSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`${fileName}: ${problems.join('; ')}`);
  }
  if (`${parsed.data.id}.json` !== fileName) {
    throw new Error(`${fileName}: id: "${parsed.data.id}" does not match the file name`);
  }
  return parsed.data;
}

/**
 * Every protocol and diet under `dir`, sorted by file name; throws on the first bad file, then
 * on diets a protocol names that no file defines.
 */
export function loadProtocols(dir: string = PROTOCOLS_DIR): Protocol[] {
  const protocols = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseProtocolFile(f, readFileSync(join(dir, f), 'utf8')));
  const problems = crossFileProblems(protocols);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return protocols;
}
