// Fidelity shader: rings around the centre that grow with time (written for this project).
precision mediump float;
uniform float time;
uniform vec2 resolution;
void main() {
  vec2 p = (gl_FragCoord.xy - 0.5 * resolution) / resolution.y;
  float r = length(p);
  float ring = 0.5 + 0.5 * cos(40.0 * r - 6.2831 * time);
  gl_FragColor = vec4(ring * 0.9, 0.3 + 0.4 * ring, 0.6, 1.0);
}
