// Network namespaces for integration tests: each test creates its own namespace with a random name,
// builds links and routes inside it, runs product code there with `ip netns exec`, and deletes it.
// Nothing here touches the host's own interfaces.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';

const COMMAND_TIMEOUT_MS = 30_000;

function run(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, cwd: options.cwd }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr.trim() || error.message}`, { cause: error }));
      else resolve({ stdout, stderr });
    });
  });
}

export class NetworkNamespace {
  private readonly children = new Set<ChildProcess>();

  private constructor(readonly name: string) {}

  /** Creates a namespace named `${prefix}-<random hex>` with its loopback up. */
  static async create(prefix: string): Promise<NetworkNamespace> {
    const namespace = new NetworkNamespace(`${prefix}-${randomBytes(4).toString('hex')}`);
    await run('ip', ['netns', 'add', namespace.name]);
    await namespace.ip('link', 'set', 'lo', 'up');
    return namespace;
  }

  /** Runs `ip -n <namespace> ...` and returns its standard output. */
  async ip(...args: string[]): Promise<string> {
    return (await run('ip', ['-n', this.name, ...args])).stdout;
  }

  /** Runs a command inside the namespace to completion. */
  exec(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ stdout: string; stderr: string }> {
    return run('ip', ['netns', 'exec', this.name, command, ...args], options);
  }

  /** Starts a long-running command inside the namespace; delete() ends it if it is still running. */
  spawn(command: string, args: string[]): ChildProcess {
    const child = spawn('ip', ['netns', 'exec', this.name, command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  /** Ends the processes started with spawn() and deletes the namespace with every link inside it. */
  async delete(): Promise<void> {
    await Promise.all([...this.children].map((child) => stopChild(child)));
    await run('ip', ['netns', 'del', this.name]);
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Python helper that attaches to an existing tun device (TUNSETIFF with IFF_TUN | IFF_NO_PI) and
 * keeps it open until its standard input closes. A tun device has a carrier only while a process
 * has it open, as a running VPN client does.
 */
const TUN_HOLDER = `
import fcntl, os, struct, sys
fd = os.open('/dev/net/tun', os.O_RDWR)
fcntl.ioctl(fd, 0x400454ca, struct.pack('16sH', sys.argv[1].encode(), 0x0001 | 0x1000))
print('attached', flush=True)
sys.stdin.read()
`;

export interface TunCarrier {
  /** Closes the device, so that the tunnel loses its carrier like a VPN client that exited. */
  release(): Promise<void>;
}

/** Gives the tun device `device` in the namespace a carrier by holding it open from a helper process. */
export async function holdTunCarrier(namespace: NetworkNamespace, device: string): Promise<TunCarrier> {
  const child = namespace.spawn('python3', ['-c', TUN_HOLDER, device]);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => (line === 'attached' ? resolve() : reject(new Error(`tun holder printed "${line}"`))));
    child.once('exit', (code) => reject(new Error(`tun holder for ${device} exited with ${code}: ${stderr.trim()}`)));
  });

  return {
    release: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.stdin?.end();
      await exited;
    },
  };
}
