package dev.smelter.video.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/** Optional API keys: {@code X-Api-Key: KEY} or {@code Authorization: Bearer KEY}; {@code /health} and the probes {@code /health/live}, {@code /health/ready} stay open. */
final class ApiKeyFilter extends OncePerRequestFilter {
  private final List<byte[]> keys;

  ApiKeyFilter(List<String> keys) {
    this.keys = keys.stream().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return keys.isEmpty() || uri.equals("/health") || uri.equals("/health/live") || uri.equals("/health/ready");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
    String given = req.getHeader("X-Api-Key");
    String auth = req.getHeader("Authorization");
    if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) given = auth.substring(7).strip();
    if (given != null && matches(given.getBytes(StandardCharsets.UTF_8))) {
      chain.doFilter(req, res);
      return;
    }
    res.setStatus(401);
    res.setContentType("application/json");
    res.getWriter().write("{\"error\":\"Unauthorized\",\"details\":\"send an API key in X-Api-Key or Authorization: Bearer\"}");
  }

  private boolean matches(byte[] given) {
    boolean ok = false;
    for (byte[] k : keys) ok |= MessageDigest.isEqual(k, given); // constant time, and no early exit
    return ok;
  }
}
