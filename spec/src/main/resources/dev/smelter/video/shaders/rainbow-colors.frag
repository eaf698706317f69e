// The bundled "rainbow-colors" layer, written for this project to look like Editly's: measured on
// Editly 0.14.2 output, red grows with x and green with y (both in units of the frame height, so
// the colours keep their aspect), and blue rises as sin(time) over the layer's life.
// Uniforms follow Editly's gl layer: time (0..1 x speed), resolution (W, H).
precision mediump float;
uniform float time;
uniform vec2 resolution;

void main() {
  vec2 uv = gl_FragCoord.xy / resolution.y;
  gl_FragColor = vec4(uv, sin(time), 1.0);
}
