/**
 * Whether a file the user opens may be in the dataset's own schema (data/README.md), whose
 * sources, figures and kinds a generic layer would flatten. Only a hint from the file's start:
 * the dataset's reader decides, and a file of which no feature fits is imported as a layer.
 */
export const DATASET_HEAD_BYTES = 64 * 1024;

export function mayBeDataset(name: string, head: string): boolean {
  return (
    /\.(geo)?json$/i.test(name) &&
    ['name_zh', 'kind', 'sources'].every((key) => new RegExp(`"${key}"\\s*:`).test(head))
  );
}
