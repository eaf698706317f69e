#!/usr/bin/env python3
"""Helper of fidelity/transition-sweep.sh: writes the sweep's specs and pictures, and scores the two
renders of each spec frame by frame.

  transition-sweep.py specs OUT [NAME,...]   writes OUT/media/*.png, OUT/specs/*.json5, OUT/frames.json
  transition-sweep.py score OUT              prints the Markdown table from OUT/{ours,editly}/*.mp4

Every transition runs four times in a row per spec, with T = 8, 7, 6, 5 frames: Editly's progress of
transition frame k is k/T (Editly 0.14.2's timeline), so these four give every k/n for n = 2…8 (k/2 = 4/8,
k/3 = 2k/6, k/4 = 2k/8; progress is one division in doubles in both renderers, so equal fractions
are equal floats). Clip i has N = 2·max(T before, T after) frames, the least Editly's clamping
(T = floor(min(N_i, N_i+1)/2, round(t·fps))) allows, and shows picture A or B alternately.
Four specs: {textured, uniform} clips × {linear, easeOutExpo} easing (the two Editly 0.14.2 knows).
"""
import json, math, os, re, struct, subprocess, sys, zlib

W, H, FPS = 96, 64, 10
TS = (8, 7, 6, 5)
EASINGS = {"linear": None, "easeOutExpo": "easeOutExpo"}
# Uniform clips: two saturated colours, neither white nor black, so a white or black frame shows.
UNIFORM = ("#c83c28", "#2878c8")
# Editly's aliases and dummy, on top of the 125 gl-transitions names.
ALIASES = ["directional-left", "directional-right", "directional-up", "directional-down", "dummy"]
LOSSLESS = ["-vcodec", "libx264", "-pix_fmt", "yuv444p", "-crf", "0", "-preset:v", "ultrafast"]


def png(path, pixel):
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(W)) for y in range(H))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def textured(flip):
    """Detail everywhere (a warp that samples the wrong place shows): red rises left to right, green
    top to bottom, blue is a checkerboard of 8-pixel squares; B is A inverted (render's test Frames)."""
    def pixel(x, y):
        r, g, b = 255 * x // (W - 1), 255 * y // (H - 1), ((x // 8 + y // 8) % 2) * 200 + 20
        return (255 - r, 255 - g, 240 - b) if flip else (r, g, b)
    return pixel


def catalog_names():
    """The 125 gl-transitions names Editly 0.14.2 accepts, as the catalogue table lists them."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    table = open(os.path.join(root, "spec/src/main/resources/dev/smelter/video/spec/transition/transitions.txt")).read()
    return [line.split()[0] for line in table.splitlines() if line.strip() and not line.startswith("#")]


def make_specs(out, only):
    os.makedirs(os.path.join(out, "media"), exist_ok=True)
    os.makedirs(os.path.join(out, "specs"), exist_ok=True)
    pictures = []
    for i in (0, 1):
        path = os.path.join(out, "media", "textured-%s.png" % "ab"[i])
        png(path, textured(i == 1))
        pictures.append(path)
    names = only or (catalog_names() + ALIASES)
    frames = {}
    for kind in ("textured", "uniform"):
        for easing_label, easing in EASINGS.items():
            label = "%s-%s" % (kind, easing_label)
            transitions = [(name, t) for name in names for t in TS]
            clips, rows = [], []
            out_frame = 0
            for i in range(len(transitions) + 1):
                before = transitions[i - 1][1] if i > 0 else 0
                after = transitions[i][1] if i < len(transitions) else 0
                n = 2 * max(before, after)
                if kind == "textured":
                    layer = {"type": "image", "path": pictures[i % 2], "resizeMode": "stretch", "zoomDirection": None}
                else:
                    layer = {"type": "fill-color", "color": UNIFORM[i % 2]}
                clip = {"duration": n / FPS, "layers": [layer]}
                if i < len(transitions):
                    name, t = transitions[i]
                    clip["transition"] = {"name": name, "duration": t / FPS, "easing": easing}
                    # frames of clip i on the output: before..n-1; its last t are the transition
                    first = out_frame + (n - before) - t
                    for k in range(t):
                        x = k / t
                        p = x if easing is None else (1 if x == 1 else 1 - 2 ** (-10 * x))
                        rows.append({"frame": first + k, "name": name, "k": k, "n": t, "progress": p,
                                     "from": i % 2})
                out_frame += n - before
                clips.append(clip)
            spec = {"outPath": label + ".mp4", "width": W, "height": H, "fps": FPS,
                    "customOutputArgs": LOSSLESS, "clips": clips}
            with open(os.path.join(out, "specs", label + ".json5"), "w") as f:
                json.dump(spec, f, indent=1)
            frames[label] = {"total": out_frame, "rows": rows}
    with open(os.path.join(out, "frames.json"), "w") as f:
        json.dump(frames, f)


def read_frames(path):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
                         check=True, capture_output=True).stdout
    import numpy as np
    got = len(raw) // (W * H * 3)
    return np.frombuffer(raw[:got * W * H * 3], dtype=np.uint8).reshape(got, H, W, 3)


def ssim_per_frame(ours, editly, stats, crop=False):
    """Luma SSIM per frame (FFmpeg's ssim filter); with crop, of the frames less a 1-pixel border."""
    cut = "crop=%d:%d:1:1," % (W - 2, H - 2) if crop else ""
    subprocess.run(["ffmpeg", "-v", "error", "-i", ours, "-i", editly, "-lavfi",
                    "[0:v]%snull[a];[1:v]%snull[b];[a][b]ssim=stats_file=%s" % (cut, cut, stats),
                    "-f", "null", "-"], check=True)
    ys = {}
    for line in open(stats):
        m = re.search(r"n:(\d+) Y:([0-9.]+)", line)
        if m:
            ys[int(m.group(1)) - 1] = float(m.group(2))
    return ys


def spread(frame):
    """How far the frame's pixels stray from its mean colour (largest channel difference)."""
    return abs(frame.astype(int) - frame.reshape(-1, 3).mean(axis=0)).max()


def colour(frame):
    return "#%02x%02x%02x" % tuple(int(round(c)) for c in frame.reshape(-1, 3).mean(axis=0))


def differs_in_kind(a, b):
    """Frames that differ in kind, not degree: one uniform (every pixel within 3 of its mean colour)
    where the other clearly shows content (a pixel 24 or more off its mean), two uniform frames of
    colours more than 24 apart, or an 8×8 block whose mean difference exceeds 64 in a channel (a
    white, black or missing area)."""
    import numpy as np
    # Uniformity is judged inside a 1-pixel border: Editly's fill-color rect leaves its top row and
    # left column half covered (Fabric's half pixel, docs/fidelity.md), which transitions that weight
    # by alpha let through.
    sa, sb = spread(a[1:-1, 1:-1]), spread(b[1:-1, 1:-1])
    if (sa <= 3 and sb >= 24) or (sb <= 3 and sa >= 24):
        return "%s / %s" % (colour(a[1:-1, 1:-1]) if sa <= 3 else "content", colour(b[1:-1, 1:-1]) if sb <= 3 else "content")
    if sa <= 3 and sb <= 3:
        d = abs(a[1:-1, 1:-1].reshape(-1, 3).mean(axis=0) - b[1:-1, 1:-1].reshape(-1, 3).mean(axis=0)).max()
        return "%s / %s" % (colour(a[1:-1, 1:-1]), colour(b[1:-1, 1:-1])) if d > 24 else None
    d = np.abs(a.astype(int) - b.astype(int)).reshape(H // 8, 8, W // 8, 8, 3).mean(axis=(1, 3))
    if d.max() > 64:
        by, bx, _ = np.unravel_index(d.argmax(), d.shape)
        return "8×8 block at (%d,%d) off by %.0f" % (bx * 8, by * 8, d.max())
    return None


def fraction(k, n):
    g = math.gcd(k, n)
    return "0" if k == 0 else "%d/%d" % (k // g, n // g)


def score(out):
    frames = json.load(open(os.path.join(out, "frames.json")))
    worst = {}  # name -> what its frames scored
    for label, info in frames.items():
        ours, editly = (os.path.join(out, who, label + ".mp4") for who in ("ours", "editly"))
        if not (os.path.exists(ours) and os.path.exists(editly)):
            print("missing render for %s" % label, file=sys.stderr)
            continue
        ys = ssim_per_frame(ours, editly, os.path.join(out, label + ".ssim.txt"))
        inner = ssim_per_frame(ours, editly, os.path.join(out, label + ".inner.ssim.txt"), crop=True)
        a, b = read_frames(ours), read_frames(editly)
        if len(a) != info["total"] or len(b) != info["total"]:
            print("%s: frames ours %d, Editly %d, expected %d" % (label, len(a), len(b), info["total"]), file=sys.stderr)
        kind, easing = label.split("-", 1)
        for row in info["rows"]:
            f = row["frame"]
            if f >= min(len(a), len(b)) or f not in ys:
                continue
            w = worst.setdefault(row["name"], {"frames": 0, "sum": 0.0, "min": 2.0, "at": None, "inner": 2.0,
                                               "kinds": [], "min_by": {}})
            s = ys[f]
            w["frames"] += 1
            w["sum"] += s
            w["inner"] = min(w["inner"], inner[f])
            key = (kind, easing)
            w["min_by"][key] = min(w["min_by"].get(key, 2.0), s)
            where = "%s, %s, %s (frame %d)" % (fraction(row["k"], row["n"]), easing, kind, f)
            if s < w["min"]:
                w["min"], w["at"] = s, where
            d = differs_in_kind(a[f], b[f])
            if d:
                w["kinds"].append("%s: %s" % (where, d))
    print("| transition | frames | SSIM mean | worst SSIM | worst at (k/n before easing, easing, clips) "
          "| worst inside a 1-px border | textured lin / expo | uniform lin / expo | frames differing in kind |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in sorted(worst, key=str.lower):
        w = worst[name]
        m = w["min_by"]
        cell = lambda k, e: "%.4f" % m[(k, e)] if (k, e) in m else "—"
        kinds = "%d: %s" % (len(w["kinds"]), "; ".join(w["kinds"][:2]) + (" …" if len(w["kinds"]) > 2 else "")) if w["kinds"] else "0"
        print("| %s | %d | %.4f | %s | %s | %.4f | %s / %s | %s / %s | %s |" % (
            name, w["frames"], w["sum"] / w["frames"], ("**%.4f**" if w["min"] < 0.95 else "%.4f") % w["min"],
            w["at"], w["inner"], cell("textured", "linear"), cell("textured", "easeOutExpo"),
            cell("uniform", "linear"), cell("uniform", "easeOutExpo"), kinds))
    mins = [w["min"] for w in worst.values()]
    print("\n%d transitions, %d frames; worst-frame SSIM ≥ 0.95: %d, ≥ 0.99: %d; inside the border ≥ 0.95: %d; "
          "frames differing in kind: %d" % (
              len(mins), sum(w["frames"] for w in worst.values()), sum(v >= 0.95 for v in mins),
              sum(v >= 0.99 for v in mins), sum(w["inner"] >= 0.95 for w in worst.values()),
              sum(len(w["kinds"]) for w in worst.values())))


if __name__ == "__main__":
    if sys.argv[1] == "specs":
        make_specs(sys.argv[2], sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else None)
    else:
        score(sys.argv[2])
