// The reference speed endpoint (central/speed.ts) alone, on the address and port given as arguments.
// Prints "listening" once bound. Tests and the speed benchmark start it inside the "server" network
// namespace with `ip netns exec`, so that its traffic crosses a shaped link.
import { createServer } from 'node:http';
import { handleDownload, handleUpload } from '../../central/speed';

const [address = '127.0.0.1', port = '8080'] = process.argv.slice(2);

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://speed.test');
  const handled = url.pathname === '/__down' ? handleDownload(request, response, url) : url.pathname === '/__up' ? handleUpload(request, response) : null;
  if (handled === null) {
    response.writeHead(404).end();
    return;
  }
  handled.catch((error: Error) => {
    if (!response.headersSent) response.writeHead(400).end(error.message);
    else response.destroy();
  });
});
server.keepAliveTimeout = 30_000;
server.listen(Number(port), address, () => process.stdout.write('listening\n'));
