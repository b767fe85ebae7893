#!/usr/bin/env python3
"""Where the wasm bytes go: per crate and per function, from a build that
keeps the function names (no external tool: the module's sections are read
here). Usage:

    python3 bench/wasm-breakdown.py target/wasm32-unknown-unknown/release/cu_cost_table.wasm [glue.js]

The code section is attributed to crates by each function's (demangled)
path; data and other sections are listed as they are. With the JS glue, its
bytes are split per imported binding. Sizes are of the module given (before
wasm-opt when given cargo's output); wasm-opt -Oz shrinks every part.
"""
import re
import sys
from collections import defaultdict


def leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def name_vec(buf, i):
    n, i = leb(buf, i)
    return buf[i:i + n].decode('utf-8', 'replace'), i + n


def sections(buf):
    assert buf[:4] == b'\0asm', 'not a wasm module'
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        yield sid, buf[j:j + size], j + size - i
        i = j + size


def imported_functions(body):
    count, i = leb(body, 0)
    funcs = 0
    for _ in range(count):
        _, i = name_vec(body, i)
        _, i = name_vec(body, i)
        kind = body[i]
        i += 1
        if kind == 0:
            _, i = leb(body, i)
            funcs += 1
        elif kind == 1:
            i += 1
            flags = body[i]
            _, i = leb(body, i + 1)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 2:
            flags = body[i]
            _, i = leb(body, i + 1)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:
            i += 2
        elif kind == 4:
            _, i = leb(body, i + 1)
    return funcs


def function_names(body):
    i = 0
    _, i = name_vec(body, i)  # "name"
    names = {}
    while i < len(body):
        sub = body[i]
        size, i = leb(body, i + 1)
        end = i + size
        if sub == 1:
            count, k = leb(body, i)
            for _ in range(count):
                idx, k = leb(body, k)
                name, k = name_vec(body, k)
                names[idx] = name
        i = end
    return names


def demangle(name):
    """Legacy Rust mangling (`_ZN…E`) to a `::` path; other names (already
    demangled by wasm-bindgen) without their hashes."""
    m = re.match(r'_ZN(.*)E$', name)
    if not m:
        return re.sub(r'\[[0-9a-f]{16}\]|::h[0-9a-f]{16}$', '', name)
    rest, parts = m.group(1), []
    while rest and rest[0].isdigit():
        n = re.match(r'\d+', rest).group(0)
        rest = rest[len(n):]
        parts.append(rest[:int(n)])
        rest = rest[int(n):]
    path = '::'.join(p for p in parts if not re.fullmatch(r'h[0-9a-f]{16}', p))
    for code, ch in [('$LT$', '<'), ('$GT$', '>'), ('$u20$', ' '), ('$RF$', '&'), ('$C$', ','), ('..', '::'), ('$u7b$', '{'), ('$u7d$', '}'), ('$BP$', '*'), ('$u27$', "'"), ('$u5b$', '['), ('$u5d$', ']'), ('$u3b$', ';')]:
        path = path.replace(code, ch)
    return path.lstrip('_')


def crate_of(path):
    """The crate a function's code belongs to: the first path segment, or for
    `<T as Trait>::f` the crate of `T` (the generic code instantiated), or of
    the trait when `T` is a bare generic or a tuple."""
    if path.startswith('_R'):
        # v0 mangling (the precompiled standard library): the first crate.
        m = re.search(r'C(?:s[0-9A-Za-z]*_)?(\d+)', path)
        if m:
            n = int(m.group(1))
            return path[m.end():m.end() + n]
        return '?'
    p = path.lstrip('<&* ')
    p = re.sub(r'^(dyn |impl |mut )', '', p)
    seg = re.split(r'::|<| |\[|;|,', p, maxsplit=1)[0]
    primitive = re.fullmatch(r'(str|char|bool|[iuf](8|16|32|64|128|size))>?', seg)
    if (not seg or primitive or re.fullmatch(r'[A-Z]|\$LP\$.*|\(.*', seg)) and ' as ' in p:
        return crate_of(p.split(' as ', 1)[1])
    if primitive:
        return 'core/alloc (primitive methods)'
    if re.fullmatch(r'func|\$?func\d*', seg) or seg.startswith('func['):
        return '(unnamed)'
    return seg or '?'


def main():
    wasm = open(sys.argv[1], 'rb').read()
    imports = defined = 0
    bodies, names, other = [], {}, defaultdict(int)
    for sid, body, total in sections(wasm):
        if sid == 2:
            imports = imported_functions(body)
        elif sid == 10:
            count, i = leb(body, 0)
            for _ in range(count):
                size, j = leb(body, i)
                bodies.append(j - i + size)
                i = j + size
            defined = count
        elif sid == 0:
            label, _ = name_vec(body, 0)
            if label == 'name':
                names = function_names(body)
            other['custom: ' + label] += total
        else:
            other[{1: 'types', 2: 'imports', 3: 'functions', 4: 'tables', 5: 'memory', 6: 'globals', 7: 'exports', 9: 'elements', 11: 'data (strings, tables)', 12: 'data count'}.get(sid, f'section {sid}')] += total
    per_crate, per_fn = defaultdict(int), []
    for k, size in enumerate(bodies):
        path = demangle(names.get(imports + k, f'func[{imports + k}]'))
        per_crate[crate_of(path)] += size
        per_fn.append((size, path))
    code = sum(bodies)
    print(f'module: {len(wasm):,} bytes; code {code:,} in {defined:,} functions ({imports} imported)')
    print('\n| part | bytes | share |\n|---|---:|---:|')
    for label, size in sorted(other.items(), key=lambda x: -x[1]):
        print(f'| {label} | {size:,} | {100 * size / len(wasm):.1f} % |')
    print(f'| code | {code:,} | {100 * code / len(wasm):.1f} % |')
    print('\n| crate (code) | bytes | share of code |\n|---|---:|---:|')
    for crate, size in sorted(per_crate.items(), key=lambda x: -x[1])[:20]:
        print(f'| {crate} | {size:,} | {100 * size / code:.1f} % |')
    print('\n| largest functions | bytes |\n|---|---:|')
    for size, path in sorted(per_fn, reverse=True)[:25]:
        short = path if len(path) <= 110 else path[:107] + '...'
        print(f'| `{short}` | {size:,} |')
    if len(sys.argv) > 2:
        js = open(sys.argv[2], encoding='utf-8').read()
        blocks = re.findall(r'(\n        __wbg_([A-Za-z0-9_]+?)_[0-9a-f]{16}: function(?:.|\n)*?\n        \},)', js)
        by_api = defaultdict(int)
        for text, name in blocks:
            by_api[name] += len(text.encode())
        shim_bytes = sum(by_api.values())
        print(f'\nJS glue: {len(js.encode()):,} bytes; {len(blocks)} import shims ({shim_bytes:,} bytes), the rest is the loader and helpers.')
        print('\n| binding (largest shims) | bytes |\n|---|---:|')
        for name, size in sorted(by_api.items(), key=lambda x: -x[1])[:12]:
            print(f'| {name} | {size:,} |')


if __name__ == '__main__':
    main()
