/**
 * Files dragged onto the map go to the importer: an attachment (`{@attach}`) for the map's box.
 * A pointer shortcut; the keyboard's way is the Open file button.
 */
import type { Imports } from './imports.svelte.ts';

export function fileDrop(imports: () => Imports | null, dragging: (on: boolean) => void) {
  return (el: HTMLElement): (() => void) => {
    const over = (e: DragEvent) => {
      if (!imports() || !e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      dragging(true);
    };
    const leave = (e: DragEvent) => e.currentTarget === e.target && dragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      dragging(false);
      if (e.dataTransfer?.files.length) void imports()?.openFiles(e.dataTransfer.files);
    };
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  };
}
