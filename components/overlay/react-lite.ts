// The React API the in-page overlay uses, served by Preact's core and hooks (~6 KB gzip instead of ~10 KB for
// preact/compat and ~72 KB for ReactDOM). wxt.config.ts aliases `react` to this module for the content script
// only; popup and options run real React 19. A React API the overlay starts using must be added here: the
// build fails on a missing export, so nothing can silently fall back.
import { createContext, createElement, Fragment } from 'preact';
import {
  useCallback,
  useContext,
  useDebugValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'preact/hooks';

/** React 18's store subscription hook (zustand's `useStore` needs it), on Preact hooks. */
export function useSyncExternalStore<T>(subscribe: (onChange: () => void) => () => void, getSnapshot: () => T): T {
  const value = getSnapshot();
  const [, forceRender] = useReducer((n: number) => n + 1, 0);
  const latest = useRef(value);
  latest.current = value;
  useLayoutEffect(() => {
    const check = () => {
      if (!Object.is(latest.current, getSnapshot())) forceRender(undefined);
    };
    check();
    return subscribe(check);
  }, [subscribe, getSnapshot]);
  return value;
}

// Spelled out rather than spread from `preact/hooks`: a spread keeps every hook in the bundle (~0.3 KB gzip on every
// tab); the named list lets the bundler drop the unused ones.
const React = {
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useDebugValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
};
export default React;
export {
  createContext,
  createElement,
  Fragment,
  useCallback,
  useContext,
  useDebugValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
};
