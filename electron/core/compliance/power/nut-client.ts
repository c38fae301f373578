// A minimal client of the NUT network protocol (upsd, TCP 3493): one line per command, answers as
// single lines or BEGIN LIST … END LIST blocks, values in double quotes with backslash escapes. Only
// read commands are sent; the companion never logs in to upsd or changes anything on it.
import net from 'node:net';

/** An `ERR <code>` answer from upsd, e.g. DATA-STALE, UNKNOWN-UPS or DRIVER-NOT-CONNECTED. */
export class NutProtocolError extends Error {
  constructor(
    readonly code: string,
    command: string,
  ) {
    super(`upsd answered "${command}" with ERR ${code}.`);
    this.name = 'NutProtocolError';
  }
}

/** The NUT server could not be reached or broke the exchange: refused, timed out, closed early. */
export class NutConnectionError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NutConnectionError';
  }
}

export interface NutServerAddress {
  host: string;
  port: number;
}

/** Splits one protocol line into words; quoted words may hold spaces, `\"` and `\\`. */
export function splitNutLine(line: string): string[] {
  const words: string[] = [];
  let index = 0;

  while (index < line.length) {
    if (line[index] === ' ') {
      index += 1;
      continue;
    }
    if (line[index] !== '"') {
      const end = line.indexOf(' ', index);
      words.push(line.slice(index, end === -1 ? line.length : end));
      index = end === -1 ? line.length : end;
      continue;
    }

    let word = '';
    index += 1;
    while (index < line.length && line[index] !== '"') {
      if (line[index] === '\\' && index + 1 < line.length) index += 1;
      word += line[index];
      index += 1;
    }
    words.push(word);
    index += 1;
  }
  return words;
}

export class NutClient {
  private buffer = '';
  private waiting: ((line: string | Error) => void) | null = null;
  private readonly lines: string[] = [];
  private closedWith: Error | null = null;

  private constructor(
    private readonly socket: net.Socket,
    private readonly label: string,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => this.close(connectionError(error, label)));
    socket.on('close', () => this.close(new NutConnectionError(`The NUT server ${label} closed the connection.`, null)));
  }

  /** Connects to upsd; rejects with NutConnectionError when refused or not answered within timeoutMs. */
  static connect(address: NutServerAddress, timeoutMs: number): Promise<NutClient> {
    const label = `${address.host}:${address.port}`;

    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: address.host, port: address.port });
      socket.setTimeout(timeoutMs, () =>
        socket.destroy(new NutConnectionError(`The NUT server ${label} did not answer within ${timeoutMs} ms (timed out).`, 'ETIMEDOUT')),
      );
      socket.once('error', (error) => reject(connectionError(error, label)));
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        resolve(new NutClient(socket, label));
      });
    });
  }

  /** Returns the UPS names and descriptions upsd serves (`LIST UPS`). */
  async listUps(): Promise<{ name: string; description: string }[]> {
    const rows = await this.list('LIST UPS', 'UPS');
    return rows.map((words) => ({ name: words[1] ?? '', description: words[2] ?? '' }));
  }

  /** Returns every variable of one UPS (`LIST VAR <ups>`). */
  async listVars(ups: string): Promise<Map<string, string>> {
    const rows = await this.list(`LIST VAR ${ups}`, 'VAR');
    return new Map(rows.map((words) => [words[2] ?? '', words[3] ?? '']));
  }

  /** Says goodbye and closes the socket; never throws. */
  async logout(): Promise<void> {
    if (this.closedWith === null) {
      this.socket.write('LOGOUT\n');
      this.socket.end();
    }
    this.socket.destroy();
  }

  private async list(command: string, kind: string): Promise<string[][]> {
    this.socket.write(`${command}\n`);

    const first = await this.nextLine();
    if (first.startsWith('ERR ')) throw new NutProtocolError(first.slice(4).split(' ')[0] ?? first, command);
    if (first !== `BEGIN ${command}`) throw new NutConnectionError(`upsd answered "${command}" with an unexpected line: ${first}`, null);

    const rows: string[][] = [];
    for (;;) {
      const line = await this.nextLine();
      if (line === `END ${command}`) return rows;
      const words = splitNutLine(line);
      if (words[0] === kind) rows.push(words);
    }
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline !== -1) {
      this.lines.push(this.buffer.slice(0, newline).replace(/\r$/, ''));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf('\n');
    }
    this.deliver();
  }

  private deliver(): void {
    if (this.waiting === null) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting(line);
    } else if (this.closedWith !== null) {
      const waiting = this.waiting;
      this.waiting = null;
      waiting(this.closedWith);
    }
  }

  private nextLine(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting = (line) => (line instanceof Error ? reject(line) : resolve(line));
      this.deliver();
    });
  }

  private close(reason: Error): void {
    this.closedWith ??= reason;
    this.deliver();
  }
}

function connectionError(error: Error, label: string): NutConnectionError {
  if (error instanceof NutConnectionError) return error;

  const code = (error as NodeJS.ErrnoException).code ?? null;
  let reason = error.message;
  if (code === 'ECONNREFUSED') reason = 'connection refused';
  else if (code) reason = `${code}: ${error.message}`;
  return new NutConnectionError(`The NUT server ${label} could not be reached (${reason}).`, code, { cause: error });
}
