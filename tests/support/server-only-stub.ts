// Vitest runs route handlers and queries outside React's server environment.
export {};
