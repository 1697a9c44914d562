// One storage.local value, kept current when any context changes it.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

export function useStored<T>(key: string): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void browser.storage.local.get(key).then((r) => setValue(r[key] as T | undefined));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setValue(changes[key]!.newValue as T | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [key]);
  return value;
}
