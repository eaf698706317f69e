// Fidelity shader: colour bands that drift with time and depend on resolution (written for this project).
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
  vec2 uv = gl_FragCoord.xy / resolution;
  float wave = 0.5 + 0.5 * sin(6.2831 * (uv.x * 2.0 + time));
  gl_FragColor = vec4(wave, uv.y, 1.0 - wave * uv.y, 1.0);
}
