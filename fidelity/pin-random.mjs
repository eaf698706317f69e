// Loaded into Editly by fidelity/run.sh (NODE_OPTIONS=--import): Math.random always returns 0, so
// Editly's random picks (gradient pair, fill colour, title-background type, `random` transition)
// are always the first entry of each list and every run renders the same frames. Specs with such
// picks name, in a `// fidelity-seed: N` line, a seed for which smelter-video picks the same entries.
Math.random = () => 0;
