package dev.smelter.video.server.intake;

import dev.smelter.video.spec.json.WellFormed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A request body with every unpaired UTF-16 surrogate (a JSON {@code "\ud800"}) replaced by U+FFFD,
 * in keys and string values: the job record, its spec file and the render see well-formed text (the
 * spec parser would replace them too, but the record is written as UTF-8 before that).
 */
final class WellFormedJson {
  private WellFormedJson() {}

  /** {@code node} itself, changed in place where needed. */
  static JsonNode of(JsonNode node) {
    switch (node) {
      case ObjectNode o -> {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(o.properties());
        for (Map.Entry<String, JsonNode> e : entries) {
          String key = WellFormed.of(e.getKey());
          JsonNode value = of(e.getValue());
          if (!key.equals(e.getKey())) o.remove(e.getKey());
          if (!key.equals(e.getKey()) || value != e.getValue()) o.set(key, value);
        }
        return o;
      }
      case ArrayNode a -> {
        for (int i = 0; i < a.size(); i++) {
          JsonNode value = of(a.get(i));
          if (value != a.get(i)) a.set(i, value);
        }
        return a;
      }
      case StringNode s when !WellFormed.is(s.asString()) -> {
        return StringNode.valueOf(WellFormed.of(s.asString()));
      }
      case null, default -> {
        return node;
      }
    }
  }
}
