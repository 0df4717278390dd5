/**
 * Write a data loader's output to stdout and wait until it is flushed (a loader's process may exit right after,
 * and a large binary write to a pipe is asynchronous).
 */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (error) => (error ? reject(error) : resolve()));
  });
}
