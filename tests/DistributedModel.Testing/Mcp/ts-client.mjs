// Independent MCP client: the official TypeScript SDK (@modelcontextprotocol/sdk from tests/e2e-tools) starts the real
// dm-mcp process over stdio, lists its tools and calls one. Prints one JSON object on stdout:
//   {"tools":[{name, bytes}], "listBytes": n, "result": {isError, text}}
// Usage: node ts-client.mjs <e2e-tools dir> <server command> <tool> <json arguments> [server args...]
// The server inherits this process's environment (provider base URLs and keys are set by the caller).
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [, , e2eDir, command, tool, argsJson, ...serverArgs] = process.argv;
const sdk = (p) => import(pathToFileURL(join(e2eDir, 'node_modules', '@modelcontextprotocol', 'sdk', 'dist', 'esm', p)).href);
const { Client } = await sdk('client/index.js');
const { StdioClientTransport } = await sdk('client/stdio.js');

const transport = new StdioClientTransport({ command, args: serverArgs, env: process.env, stderr: 'ignore' });
const client = new Client({ name: 'dm-ts-client', version: '1.0.0' });
await client.connect(transport);
try {
  const list = await client.listTools();
  const progress = [];
  const result = await client.callTool({ name: tool, arguments: JSON.parse(argsJson) }, undefined, {
    timeout: 120000, resetTimeoutOnProgress: true, onprogress: (p) => progress.push(p.message ?? ''),
  });
  const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('');
  process.stdout.write(JSON.stringify({
    tools: list.tools.map((t) => ({ name: t.name, bytes: Buffer.byteLength(JSON.stringify(t)) })),
    listBytes: Buffer.byteLength(JSON.stringify(list.tools)),
    progress,
    result: { isError: result.isError === true, text },
  }));
} finally {
  await client.close();
}
