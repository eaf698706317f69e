package dev.smelter.video.server.api;

import dev.smelter.video.server.ServiceProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** JSON bodies over {@code smelter.limits.body} (50 MB, the legacy limit) are refused with 413. */
@Component
class BodyLimitFilter extends OncePerRequestFilter {
  private final long limit;

  BodyLimitFilter(ServiceProperties props) {
    this.limit = props.limits().body().toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    return type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
    if (req.getContentLengthLong() > limit) {
      res.setStatus(413);
      res.setContentType("application/json");
      res.getWriter().write("{\"error\":\"Request body too large\",\"details\":\"limit " + limit + " bytes\"}");
      return;
    }
    chain.doFilter(req, res);
  }
}
