#!/usr/bin/env python3
"""Benchmark corpora that look like the bundled treaties (issue 19).

    benches/corpus.py stats PATH...                 statistics of files or directories
    benches/corpus.py replicate COUNT OUTDIR        COUNT copies of treaties/*.treaty
    benches/corpus.py generate SEED COUNT OUTDIR    COUNT generated treaties, one per file
    benches/corpus.py onefile real|gen BYTES OUT    one file of at least BYTES bytes

The generator remixes the bundled corpus rather than a fixed template: each treaty takes
the clause structure of a randomly chosen bundled treaty, gives its parties fresh codes
and names (some non-ASCII), and draws its comments and `source` quotes from the pools of
all bundled comments and quotes, so its size, comment share, quotes per treaty and
non-ASCII text follow the corpus's (`stats` prints both to compare). Same seed, same
bytes (Python's `random.Random` is stable across versions for these calls).
"""
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLED = os.path.join(ROOT, "treaties")
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')
CODE_WORD = re.compile(r"(?<![\w-])([A-Z][A-Z0-9_]*)(?![\w-])")
PARTY_DECL = re.compile(r'^(\s*party\s+)([^\s"]+)(\s+"(?:\\.|[^"\\\n])*")?')
# Names with text outside ASCII, as real treaties have (accents, Cyrillic, CJK, Arabic).
EXTRA_NAMES = [
    "Côte d'Ivoire", "Türkiye", "São Tomé and Príncipe", "Österreich", "Україна",
    "Česká republika", "Ελλάδα", "日本国", "대한민국", "المملكة العربية السعودية",
    "Polska (Rzeczpospolita Polska)", "Curaçao", "Åland", "Québec", "Sverige",
]


def bundled_files():
    return sorted(
        os.path.join(BUNDLED, name) for name in os.listdir(BUNDLED) if name.endswith(".treaty")
    )


def read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def split_comment(line):
    """(code, comment) of one line: the comment starts at `//` outside a string."""
    pos = 0
    while True:
        slash = line.find("//", pos)
        if slash < 0:
            return line, ""
        quote = STRING.search(line, pos)
        if quote and quote.start() < slash:
            pos = quote.end()
            continue
        return line[:slash], line[slash:]


def stats_of(texts):
    total = comments = sources = non_ascii = treaties = 0
    codes = set()
    for text in texts:
        data = text.encode("utf-8")
        total += len(data)
        non_ascii += sum(1 for byte in data if byte >= 0x80)
        treaties += len(re.findall(r"(?m)^treaty\s", text))
        sources += len(re.findall(r'(?<![\w-])source\s+"', text))
        for line in text.split("\n"):
            code, comment = split_comment(line)
            comments += len(comment.encode("utf-8"))
            match = PARTY_DECL.match(code)
            if match:
                codes.add(match.group(2))
    treaties = max(treaties, 1)
    return {
        "files": len(texts),
        "treaties": treaties,
        "bytes": total,
        "bytes_per_treaty": total / treaties,
        "comment_share": comments / max(total, 1),
        "sources_per_treaty": sources / treaties,
        "non_ascii_share": non_ascii / max(total, 1),
        "distinct_party_codes": len(codes),
    }


def format_stats(name, stats):
    return (
        f"{name}: {stats['files']} files, {stats['treaties']} treaties, {stats['bytes']} bytes; "
        f"{stats['bytes_per_treaty']:.0f} bytes/treaty, {100 * stats['comment_share']:.1f}% comment bytes, "
        f"{stats['sources_per_treaty']:.2f} source quotes/treaty, "
        f"{100 * stats['non_ascii_share']:.2f}% non-ASCII bytes, "
        f"{stats['distinct_party_codes']} distinct party codes"
    )


def texts_under(paths):
    texts = []
    for path in paths:
        if os.path.isdir(path):
            for dirpath, _, names in os.walk(path):
                texts += [read(os.path.join(dirpath, n)) for n in sorted(names) if n.endswith(".treaty")]
        else:
            texts.append(read(path))
    return texts


class Pools:
    """What the generator draws from: the bundled treaties, their comments, quotes, names."""

    def __init__(self):
        self.templates = [read(path) for path in bundled_files()]
        self.comments, self.sources, self.names = [], [], list(EXTRA_NAMES)
        for text in self.templates:
            for line in text.split("\n"):
                code, comment = split_comment(line)
                if len(comment) > 3:
                    self.comments.append(comment)
                for match in re.finditer(r'(?<![\w-])source\s+("(?:\\.|[^"\\\n])*")', code):
                    self.sources.append(match.group(1))
                match = PARTY_DECL.match(code)
                if match and match.group(3):
                    self.names.append(match.group(3).strip())


def fresh_code(rng, taken):
    while True:
        length = rng.choice((2, 2, 2, 3, 3, 4))
        code = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(length))
        if code not in taken:
            taken.add(code)
            return code


def generate_one(rng, pools, index):
    template = rng.choice(pools.templates)
    lines = template.split("\n")
    declared = [m.group(2) for m in (PARTY_DECL.match(split_comment(l)[0]) for l in lines) if m]
    taken = set()
    mapping = {code: fresh_code(rng, taken) for code in declared}
    out = []
    for line in lines:
        code, comment = split_comment(line)
        if comment:
            comment = rng.choice(pools.comments)
        decl = PARTY_DECL.match(code)
        if decl and decl.group(3):
            name = rng.choice(pools.names)
            name = name if name.startswith('"') else f'"{name}"'
            code = decl.group(1) + decl.group(2) + " " + name + code[decl.end():]
        pieces, pos = [], 0
        for string in STRING.finditer(code):
            pieces.append(CODE_WORD.sub(lambda m: mapping.get(m.group(1), m.group(1)), code[pos:string.start()]))
            before = code[:string.start()].rstrip()
            quote = string.group(0)
            if before.endswith("source"):
                quote = rng.choice(pools.sources)
            pieces.append(quote)
            pos = string.end()
        pieces.append(CODE_WORD.sub(lambda m: mapping.get(m.group(1), m.group(1)), code[pos:]))
        code = "".join(pieces)
        code = re.sub(r"(?m)^treaty\s+(\S+)", lambda m: f"treaty g{index}_{m.group(1)}", code)
        out.append(code + comment)
    return "\n".join(out)


def generate(seed, count):
    rng = random.Random(seed)
    pools = Pools()
    return [generate_one(rng, pools, index) for index in range(count)]


def replicate(count):
    texts = [read(path) for path in bundled_files()]
    return [texts[i % len(texts)] for i in range(count)]


def write_files(texts, outdir, stem):
    os.makedirs(outdir, exist_ok=True)
    for index, text in enumerate(texts):
        with open(os.path.join(outdir, f"{stem}{index:05}.treaty"), "w", encoding="utf-8") as handle:
            handle.write(text)


def main(argv):
    command = argv[0] if argv else ""
    if command == "stats":
        print(format_stats(" ".join(argv[1:]), stats_of(texts_under(argv[1:]))))
    elif command == "replicate":
        write_files(replicate(int(argv[1])), argv[2], "real")
    elif command == "generate":
        write_files(generate(int(argv[1]), int(argv[2])), argv[3], "gen")
    elif command == "onefile":
        kind, size, out = argv[1], int(argv[2]), argv[3]
        written, batch = 0, 0
        with open(out, "w", encoding="utf-8") as handle:
            while written < size:
                texts = replicate(len(bundled_files())) if kind == "real" else generate(batch, 500)
                for text in texts:
                    data = text if text.endswith("\n") else text + "\n"
                    handle.write(data + "\n")
                    written += len(data.encode("utf-8")) + 1
                    if written >= size:
                        break
                batch += 1
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
