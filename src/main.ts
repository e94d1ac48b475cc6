import { mount, unmount } from 'svelte';
import App from './App.svelte';
import type { MapController } from './lib/map/controller.ts';
import type { AppState } from './lib/state/app-state.svelte.ts';
import type { Imports } from './app/imports.svelte.ts';
import './app.css';

declare global {
  interface Window {
    /** A handle for end-to-end tests, the benchmark and curious developers in the console. */
    parkAtlas?: { controller: MapController; app: AppState };
    /** The same for imported layers, once the importer has loaded (it is a lazy chunk). */
    parkAtlasImports?: Imports;
  }
}

const target = document.getElementById('app') as HTMLElement;

/**
 * The page, on the built-in data or on a file of the user's in the dataset's schema. Changing
 * the dataset starts the page afresh (the link's view is read again), as a reload would, since a
 * file cannot go into a link.
 */
function start(file?: File): void {
  window.parkAtlas = undefined;
  const page = mount(App, {
    target,
    props: {
      file,
      ondataset: (next: File | null) => {
        void unmount(page).then(() => start(next ?? undefined));
      },
      onready: (controller: MapController, app: AppState) => {
        window.parkAtlas = { controller, app };
        window.dispatchEvent(new CustomEvent('parkatlas:ready'));
      },
    },
  });
}

start();
