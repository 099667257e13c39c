/**
 * The plain-read baseline: a bare Apollo Server 5 on node:http (the same integration style as
 * the real server: executeHTTPGraphQLRequest) answering the same query shape with a constant,
 * no auth, no database, no plugins. Prints its port on stdout when listening.
 */
import { createServer } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';

const typeDefs = `
  type Availability { size: String! free: Int! total: Int! }
  type Site { id: ID! availability: [Availability!]! }
  type Query { site(id: ID!): Site }`;
const site = {
  id: 'constant',
  availability: ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'].map((size) => ({ size, free: 4, total: 6 })),
};
const apollo = new ApolloServer({ typeDefs, resolvers: { Query: { site: () => site } } });
await apollo.start();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    const text = Buffer.concat(chunks).toString('utf8');
    void apollo
      .executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method ?? 'GET',
          headers,
          search: '',
          body: text ? (JSON.parse(text) as unknown) : undefined,
        },
        context: () => Promise.resolve({}),
      })
      .then((result) => {
        for (const [k, v] of result.headers) res.setHeader(k, v);
        res.statusCode = result.status ?? 200;
        res.end(result.body.kind === 'complete' ? result.body.string : '');
      });
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
