// Editly's bundled "rainbow-colors" layer: hues drifting across the frame over the layer's life.
// Written for this project; uniforms follow Editly's gl layer: time (0..1 × speed), resolution.
precision mediump float;
uniform float time;
uniform vec2 resolution;

vec3 hueToRgb(float h) {
  return clamp(abs(mod(h * 6.0 + vec3(0.0, 4.0, 2.0), 6.0) - 3.0) - 1.0, 0.0, 1.0);
}

void main() {
  vec2 uv = gl_FragCoord.xy / resolution;
  float hue = fract(uv.x * 0.5 + uv.y * 0.5 + time);
  gl_FragColor = vec4(hueToRgb(hue), 1.0);
}
