// Reads back, per pixel, the shader hash fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453123) that
// the reference's GL (headless-gl + Mesa llvmpipe, as Editly runs gl-transitions) computes for the
// cell p = (x + ox, y + oy). Evidence for ReferenceTrigTest (render/src/test/resources/.../reference-hash.txt)
// and docs/fidelity-transitions.md; on demand, needs Editly.
// Usage: xvfb-run -a node fidelity/hash-probe.cjs W H OX OY > hash.txt   → lines "p.x p.y value"
// Each value is exact: the shader splits it into exponent and 24 mantissa bits over RGBA8.
const path = (process.env.EDITLY_HOME || require('os').homedir() + '/.cache/editly-ref') + '/node_modules/';
const createGL = require(path + 'gl');
const [W, H, ox, oy] = process.argv.slice(2).map(Number);
const gl = createGL(W, H, { preserveDrawingBuffer: true });
function sh(type, src) { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(s)); return s; }
const VERT = `attribute vec2 _p; void main() { gl_Position = vec4(_p, 0.0, 1.0); }`;
const FRAG = `precision highp float; uniform vec2 off;
  float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453123); }
  void main() {
    float s = hash(floor(gl_FragCoord.xy) + off); float e = 0.0;
    for (int i = 0; i < 40; i++) { if (s < 0.5) { s *= 2.0; e += 1.0; } }
    float v = s * 16777216.0;
    float hi = floor(v / 65536.0); float rem = v - hi * 65536.0;
    float mid = floor(rem / 256.0); float lo = rem - mid * 256.0;
    gl_FragColor = vec4(hi, mid, lo, e) / 255.0;
  }`;
const p = gl.createProgram(); gl.attachShader(p, sh(gl.VERTEX_SHADER, VERT)); gl.attachShader(p, sh(gl.FRAGMENT_SHADER, FRAG));
gl.linkProgram(p); gl.useProgram(p);
gl.uniform2f(gl.getUniformLocation(p, 'off'), ox, oy);
const b = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, b);
gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, -1, 4, 4, -1]), gl.STATIC_DRAW);
const loc = gl.getAttribLocation(p, '_p'); gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
gl.viewport(0, 0, W, H); gl.drawArrays(gl.TRIANGLES, 0, 3);
const px = new Uint8Array(W * H * 4); gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px);
const lines = [];
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) { const i = 4 * (y * W + x);
  lines.push((x + ox) + ' ' + (y + oy) + ' ' + ((px[i] * 65536 + px[i + 1] * 256 + px[i + 2]) * Math.pow(2, -(24 + px[i + 3]))).toPrecision(10)); }
console.log(lines.join('\n'));
console.error(gl.getParameter(gl.RENDERER), gl.getParameter(gl.VERSION));
