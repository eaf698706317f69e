package dev.smelter.video.server.api;

import dev.smelter.video.server.storage.Storage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before a request that writes (uploads spool into {@code tmp/}, jobs are recorded in {@code jobs/}),
 * recreates the data folders if they were deleted under the running service, so one deletion does
 * not turn every later call into a 500. A folder that cannot be recreated answers 503 (readiness
 * reports it too). One check per folder: cheap next to any write.
 */
@Component
class DataFolderGuard extends OncePerRequestFilter {
  private static final Logger LOG = Logger.getLogger(DataFolderGuard.class.getName());

  private final Storage storage;

  DataFolderGuard(Storage storage) {
    this.storage = storage;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !(method.equals("POST") || method.equals("PUT") || method.equals("DELETE"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
    try {
      storage.ensureLayout();
    } catch (UncheckedIOException e) {
      LOG.warning(e.getMessage());
      res.setStatus(503);
      res.setHeader("Retry-After", "30");
      res.setContentType("application/json");
      res.getWriter().write("{\"error\":\"Service temporarily unavailable\",\"details\":\"the data folder cannot be written; "
          + "see GET /health/ready and the server log\"}");
      return;
    }
    chain.doFilter(req, res);
  }
}
