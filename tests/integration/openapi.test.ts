import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: {
          content: {
            'application/json': {
              schema: { properties?: Record<string, unknown>; required?: string[] };
            };
          };
        };
        parameters?: { name: string; in: string }[];
        responses: Record<string, unknown>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document covering every route of the API', async () => {
    const doc = (await (await GET()).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /api/foods',
        'GET /api/foods/{ndb}',
        'GET /api/protocols',
        'GET /api/recipes',
        'GET /api/recipes/{slug}',
        'POST /api/profiles',
        'PATCH /api/profiles/{id}',
        'DELETE /api/profiles/{id}',
        'PUT /api/profiles/{id}/pantry/{ndb}',
        'GET /api/profiles/{id}/journal',
        'POST /api/profiles/{id}/journal',
        'PATCH /api/profiles/{id}/journal/{date}',
        'DELETE /api/profiles/{id}/journal/{date}',
        'POST /api/plans',
        'GET /api/plans/{id}/meals/{mealId}/alternatives',
        'POST /api/plans/{id}/meals/{mealId}/swap',
        'PATCH /api/plans/{id}/meals/{mealId}',
        'POST /api/plans/{id}/regenerate',
        'GET /api/plans/{id}/shopping-list',
        'PATCH /api/plans/{id}/shopping-list/items/{ndb}',
        'GET /api/plans/{id}/export',
        'GET /api/plans/{id}/nutrition',
      ]),
    );
    expect(doc.components.schemas).toHaveProperty('Error');
  });

  it('derives request bodies and query parameters from the schemas the routes validate with', async () => {
    const doc = (await (await GET()).json()) as Doc;
    const profileBody =
      doc.paths['/api/profiles']?.post?.requestBody?.content['application/json'].schema;
    expect(Object.keys(profileBody?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'name',
        'householdSize',
        'protocol',
        'phase',
        'allergens',
        'avoid',
        'diet',
        'dislikes',
        'energyKcal',
        'body',
        'proteinG',
        'fiberG',
        'slots',
        'maxMinutes',
        'leftovers',
        'carbsPerMealG',
      ]),
    );
    const foodParams = doc.paths['/api/foods']?.get?.parameters?.map((p) => p.name) ?? [];
    expect(foodParams).toEqual(
      expect.arrayContaining(['q', 'allergen', 'tag', 'inflammation', 'group', 'limit', 'cursor']),
    );
    expect(Object.keys(doc.paths['/api/plans']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '404', '409', '422']),
    );
    const conflict = doc.paths['/api/plans']?.post?.responses['409'] as { description: string };
    expect(conflict.description).toContain('plan_exists');
    for (const op of [
      doc.paths['/api/plans']?.post,
      doc.paths['/api/plans/{id}/regenerate']?.post,
    ]) {
      const impossible = op?.responses['422'] as { description: string };
      expect(impossible.description).toContain('fixes: [{ id, text, patch }]');
    }
    const planBody = doc.paths['/api/plans']?.post?.requestBody?.content['application/json'].schema;
    expect(Object.keys(planBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['profileId', 'weekStart', 'seed', 'replace']),
    );
    expect(Object.keys(profileBody?.properties ?? {})).toContain('dislikedConcepts');
    expect(Object.keys(profileBody?.properties ?? {})).toContain('cooking');
    expect(doc.paths['/api/food-concepts']?.get?.parameters?.map((p) => p.name)).toEqual(['q']);
  });

  it('describes the plan a plan route returns, day totals with their sodium, retinol and fructose caps', async () => {
    const doc = (await (await GET()).json()) as Doc;
    type Js = { properties?: Record<string, Js>; items?: Js; anyOf?: Js[] };
    const created = doc.paths['/api/plans']?.post?.responses['201'] as {
      content: { 'application/json': { schema: Js } };
    };
    const plan = created.content['application/json'].schema;
    const totals = plan.properties?.days?.items?.properties?.totals;
    expect(Object.keys(totals?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'energyKcal',
        'atLeast',
        'fructoseG',
        'sodiumMg',
        'retinolUg',
        'cooking',
      ]),
    );
    expect(Object.keys(totals?.properties?.cooking?.properties ?? {})).toEqual([
      'sessions',
      'activeMinutes',
      'budget',
    ]);
    expect(Object.keys(plan.properties ?? {})).toContain('version');
    const prep = plan.properties?.days?.items?.properties?.prep?.items;
    expect(Object.keys(prep?.properties ?? {})).toEqual([
      'recipeSlug',
      'recipeName',
      'activeMinutes',
      'passiveMinutes',
      'passiveKind',
      'readyOn',
      'forMeal',
    ]);
    const refused = doc.paths['/api/plans/{id}/meals/{mealId}/swap']?.post?.responses['422'] as {
      description: string;
    };
    expect(refused.description).toContain('not-ready');
    expect(refused.description).toContain('over-cooking-budget');
    const score = plan.properties?.score;
    const scoreObject = score?.anyOf?.find((x) => x.properties) ?? score;
    expect(Object.keys(scoreObject?.properties ?? {})).toContain('plants');
    for (const op of [
      doc.paths['/api/plans/{id}']?.get,
      doc.paths['/api/plans/{id}/meals/{mealId}/swap']?.post,
      doc.paths['/api/plans/{id}/regenerate']?.post,
    ]) {
      expect(op?.responses['200']).toEqual({
        description: 'The plan',
        headers: {
          ETag: { description: expect.stringContaining('If-Match'), schema: { type: 'string' } },
        },
        content: created.content,
      });
    }
  });

  it('documents conditional plan writes: If-Match in, ETag out, 412 when stale', async () => {
    const doc = (await (await GET()).json()) as Doc;
    const writes = [
      doc.paths['/api/plans/{id}/meals/{mealId}/swap']?.post,
      doc.paths['/api/plans/{id}/meals/{mealId}']?.patch,
      doc.paths['/api/plans/{id}/regenerate']?.post,
      doc.paths['/api/plans/{id}/shopping-list/items/{ndb}']?.patch,
    ];
    for (const op of writes) {
      expect(op?.parameters).toContainEqual(
        expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
      );
      const stale = op?.responses['412'] as { description: string };
      expect(stale.description).toContain('currentVersion');
      expect(op?.responses['200']).toHaveProperty('headers.ETag');
    }
    expect(doc.paths['/api/plans']?.post?.responses['201']).toHaveProperty('headers.ETag');
    const busy = doc.paths['/api/plans/{id}/meals/{mealId}/swap']?.post?.responses['409'] as {
      description: string;
    };
    expect(busy.description).toContain('plan_busy');
    // Reads take no If-Match.
    expect(doc.paths['/api/plans/{id}']?.get?.parameters?.map((p) => p.name)).not.toContain(
      'If-Match',
    );
  });

  it('documents 503 busy on the routes whose work runs on the planner threads', async () => {
    const doc = (await (await GET()).json()) as Doc;
    const pooled = [
      doc.paths['/api/plans']?.post,
      doc.paths['/api/plans/{id}/meals/{mealId}/alternatives']?.get,
      doc.paths['/api/plans/{id}/regenerate']?.post,
      doc.paths['/api/plans/{id}/shopping-list']?.get,
      doc.paths['/api/plans/{id}/shopping-list/items/{ndb}']?.patch,
    ];
    for (const op of pooled) {
      const busy = op?.responses['503'] as { description: string } | undefined;
      expect(busy?.description).toContain('Retry-After');
    }
    expect(doc.paths['/api/foods']?.get?.responses['503']).toBeUndefined();
  });
});
