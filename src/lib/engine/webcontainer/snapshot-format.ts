// Reads a binary snapshot made by `@webcontainer/snapshot` (MessagePack of `{ d: { name: { d: … } |
// { f: { c: bytes } } } }`, the WebContainer's own file-tree format), for the places that stand in
// for a WebContainer: the fake runtime in tests and the Node sandbox of the project check.
import { decode } from "@msgpack/msgpack";
import type { FileTree } from "./runtime";

export interface SnapshotFile {
  path: string;
  bytes: Uint8Array;
}

interface Folder {
  d: Record<string, Folder | { f: { c?: Uint8Array | string; l?: string } }>;
}

const isFolder = (node: unknown): node is Folder =>
  typeof node === "object" && node !== null && "d" in node && typeof (node as Folder).d === "object";

/** Every file of the snapshot with its path; symlinks are not made by the snapshot tool. */
export function snapshotFiles(bytes: Uint8Array): SnapshotFile[] {
  const root: unknown = decode(bytes);
  if (!isFolder(root)) throw new Error("not a WebContainer snapshot");
  const files: SnapshotFile[] = [];
  const walk = (folder: Folder, base: string) => {
    for (const [name, node] of Object.entries(folder.d)) {
      const path = base ? `${base}/${name}` : name;
      if (isFolder(node)) walk(node, path);
      else if (node.f.c !== undefined)
        files.push({
          path,
          bytes: typeof node.f.c === "string" ? new TextEncoder().encode(node.f.c) : node.f.c,
        });
    }
  };
  walk(root, "");
  return files;
}

/** The snapshot as a tree of text files (binary files come out garbled, which a fake does not mind). */
export function decodeSnapshot(bytes: Uint8Array): FileTree {
  const tree: FileTree = {};
  const decoder = new TextDecoder();
  for (const { path, bytes: contents } of snapshotFiles(bytes)) {
    const parts = path.split("/");
    const name = parts.pop() ?? "";
    let folder = tree;
    for (const part of parts) {
      const node = (folder[part] ??= { directory: {} });
      if (!("directory" in node)) throw new Error(`${path}: a file is in the way`);
      folder = node.directory;
    }
    folder[name] = { file: { contents: decoder.decode(contents) } };
  }
  return tree;
}
