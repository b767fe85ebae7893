// <CuRunsTable>: the CU cost table as a React component, over `mount` and
// `unmount`. Call `await init()` (the package's default export) once before
// rendering it. Under <StrictMode> React mounts, unmounts and mounts again
// at once: the first table is unmounted (its requests aborted, its timers
// and listeners gone) before the second is made, so one table remains.
import { createElement, useEffect, useRef } from 'react';
import { mount } from 'cu-cost-table';

// Mounted again only when the options change by value (a new object with
// the same options does not remount it).
export function CuRunsTable({ options }) {
  const box = useRef(null);
  useEffect(() => {
    const handle = mount(box.current, options);
    return () => handle.unmount();
  }, [JSON.stringify(options)]);
  return createElement("div", { ref: box });
}
