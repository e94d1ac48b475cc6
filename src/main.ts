import { mount } from 'svelte';
import App from './App.svelte';
import type { MapController } from './lib/map/controller.ts';
import type { AppState } from './lib/state/app-state.svelte.ts';
import './app.css';

declare global {
  interface Window {
    /** A handle for end-to-end tests, the benchmark and curious developers in the console. */
    parkAtlas?: { controller: MapController; app: AppState };
  }
}

mount(App, {
  target: document.getElementById('app') as HTMLElement,
  props: {
    onready: (controller: MapController, app: AppState) => {
      window.parkAtlas = { controller, app };
      window.dispatchEvent(new CustomEvent('parkatlas:ready'));
    },
  },
});
