// Reads back, per pixel, the exact float32 uv that the reference's GL (headless-gl, as Editly's
// gl-transition draws it: one triangle (-1,-1) (-1,4) (4,-1), uv = (p + 1)/2) hands a fragment
// shader. Evidence for docs/fidelity-transitions.md ("Why the misses miss"); on demand, needs Editly.
// Usage: xvfb-run -a node fidelity/uv-probe.cjs W H > uv.json   → {"x": [[...row...]...], "y": ...}
// Each value is exact: the shader splits uv into exponent and 24 mantissa bits over RGBA8.
const path = (process.env.EDITLY_HOME || require('os').homedir() + '/.cache/editly-ref') + '/node_modules/';
const createGL = require(path + 'gl');
const [W, H] = process.argv.slice(2).map(Number);
const gl = createGL(W, H, { preserveDrawingBuffer: true });
function sh(type, src) { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s)); return s; }
const VERT = `attribute vec2 _p;
varying vec2 _uv;
void main() {
gl_Position = vec4(_p,0.0,1.0);
_uv = vec2(0.5, 0.5) * (_p+vec2(1.0, 1.0));
}`;
const out = {};
for (const comp of ['x', 'y']) {
  const FRAG = `precision highp float; varying vec2 _uv;
  void main() {
    float s = _uv.${comp}; float e = 0.0;
    for (int i = 0; i < 40; i++) { if (s < 0.5) { s *= 2.0; e += 1.0; } }
    float v = s * 16777216.0;
    float hi = floor(v / 65536.0); float rem = v - hi * 65536.0;
    float mid = floor(rem / 256.0); float lo = rem - mid * 256.0;
    gl_FragColor = vec4(hi, mid, lo, e) / 255.0;
  }`;
  const p = gl.createProgram(); gl.attachShader(p, sh(gl.VERTEX_SHADER, VERT)); gl.attachShader(p, sh(gl.FRAGMENT_SHADER, FRAG));
  gl.linkProgram(p); gl.useProgram(p);
  const b = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, b);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, -1, 4, 4, -1]), gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(p, '_p'); gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  gl.viewport(0, 0, W, H); gl.clear(gl.COLOR_BUFFER_BIT); gl.drawArrays(gl.TRIANGLES, 0, 3);
  const px = new Uint8Array(W * H * 4); gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px);
  const vals = [];
  for (let y = 0; y < H; y++) { const row = [];
    for (let x = 0; x < W; x++) { const i = 4 * (y * W + x);
      row.push((px[i] * 65536 + px[i + 1] * 256 + px[i + 2]) * Math.pow(2, -(24 + px[i + 3]))); }
    vals.push(row); }
  out[comp] = vals;
}
console.log(JSON.stringify(out));
console.error(gl.getParameter(gl.RENDERER), gl.getParameter(gl.VERSION));
