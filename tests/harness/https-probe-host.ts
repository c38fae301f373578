// An HTTPS host for the VPN probe tests: listens on each address given after the certificate and key
// files and answers every request with 204. Prints "listening" once all are bound. Tests start it
// inside the "agency" network namespace with `ip netns exec`.
import { readFileSync } from 'node:fs';
import https from 'node:https';

const [certificateFile, keyFile, ...addresses] = process.argv.slice(2);
const options = { cert: readFileSync(certificateFile!), key: readFileSync(keyFile!) };

await Promise.all(
  addresses.map(
    (address) =>
      new Promise<void>((resolve, reject) => {
        const server = https.createServer(options, (_request, response) => response.writeHead(204).end());
        server.once('error', reject);
        server.listen(443, address, resolve);
      }),
  ),
);
process.stdout.write('listening\n');
