import type { Metadata } from 'next';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { TableWrap } from '../../_components/table-wrap';

export const metadata: Metadata = { title: 'API' };

type Op = {
  summary: string;
  tags: string[];
  parameters?: {
    name: string;
    in: string;
    required: boolean;
    description?: string;
    schema?: unknown;
  }[];
  requestBody?: { content: { 'application/json': { schema: unknown } } };
  responses: Record<string, { description: string }>;
};

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, Op>> };
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      // a path item also holds its description (the 405 note), which is no operation
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op })),
  );
  return (
    <>
      <h1>Villi API</h1>
      <p>
        JSON over HTTP. The machine-readable OpenAPI 3.1 document is at{' '}
        <a href="/api/openapi.json">/api/openapi.json</a>; it is generated from the same schemas the
        routes validate with. Every error has one body:{' '}
        <code>{'{ "error": { "code", "message", "fieldErrors"? } }'}</code> with status 400 (bad
        input, naming each field), 404 (unknown id), 409 (conflict) or 422 (valid but impossible).
      </p>
      {ops.map(({ path, method, op }) => (
        <section
          key={`${method} ${path}`}
          className="card"
          style={{ marginTop: '0.75rem' }}
          aria-label={`${method.toUpperCase()} ${path}`}
        >
          <h2 style={{ marginTop: 0, fontSize: '1.05rem' }}>
            <code>
              {method.toUpperCase()} {path}
            </code>
          </h2>
          <p>{op.summary}</p>
          {op.parameters?.length ? (
            <TableWrap label={`Parameters of ${method.toUpperCase()} ${path}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Required</th>
                    <th scope="col">Schema</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}-${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{p.required ? 'yes' : 'no'}</td>
                      <td>
                        <code className="small">{p.description ?? JSON.stringify(p.schema)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          ) : null}
          {op.requestBody ? (
            <details>
              <summary>Request body schema</summary>
              <pre className="small" style={{ overflowX: 'auto' }}>
                {JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}
              </pre>
            </details>
          ) : null}
          <p className="small muted">
            Responses:{' '}
            {Object.entries(op.responses)
              .map(([status, r]) => `${status} ${r.description}`)
              .join(' · ')}
          </p>
        </section>
      ))}
    </>
  );
}
