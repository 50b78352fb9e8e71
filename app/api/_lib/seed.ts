/** A fresh seed when the client gives none; stored on the plan so it can be reproduced. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
