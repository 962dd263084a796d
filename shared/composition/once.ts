/** `make`'s value, made on first call: for adapters a root wires but not every invocation uses. */
export function once<T>(make: () => T): () => T {
  const cell: { value?: T; made?: boolean } = {};
  return () => {
    if (!cell.made) {
      cell.value = make();
      cell.made = true;
    }
    return cell.value as T;
  };
}
