package dev.smelter.video.spec.json;

import dev.smelter.video.spec.json.JsonValue.JArray;
import dev.smelter.video.spec.json.JsonValue.JBool;
import dev.smelter.video.spec.json.JsonValue.JNull;
import dev.smelter.video.spec.json.JsonValue.JNumber;
import dev.smelter.video.spec.json.JsonValue.JObject;
import dev.smelter.video.spec.json.JsonValue.JString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON5 parser (a superset of JSON), as Editly's CLI reads spec files: comments, trailing commas,
 * unquoted identifier keys, single-quoted strings, hex numbers, leading/trailing decimal points,
 * {@code +}, {@code Infinity}/{@code NaN}, line continuations in strings. Duplicate keys: last wins,
 * as in JavaScript.
 */
public final class Json5Parser {
  private static final int MAX_DEPTH = 256;

  private final String src;
  private int pos;
  private int depth;

  private Json5Parser(String src) {
    this.src = src;
  }

  public static JsonValue parse(String text) throws Json5SyntaxException {
    Json5Parser p = new Json5Parser(text);
    p.skipSpace();
    if (p.pos >= p.src.length()) throw p.error("empty document");
    JsonValue v = p.value();
    p.skipSpace();
    if (p.pos < p.src.length()) throw p.error("unexpected " + p.describeChar() + " after the value");
    return v;
  }

  private JsonValue value() throws Json5SyntaxException {
    if (pos >= src.length()) throw error("unexpected end of input");
    char c = src.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"', '\'' -> new JString(string());
      default -> {
        if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) yield number();
        if (startsWord("true")) { pos += 4; yield new JBool(true); }
        if (startsWord("false")) { pos += 5; yield new JBool(false); }
        if (startsWord("null")) { pos += 4; yield JNull.INSTANCE; }
        if (startsWord("Infinity") || startsWord("NaN")) yield number();
        throw error("invalid character " + describeChar());
      }
    };
  }

  private JObject object() throws Json5SyntaxException {
    enter();
    pos++; // {
    Map<String, JsonValue> members = new LinkedHashMap<>();
    skipSpace();
    while (true) {
      if (peek() == '}') { pos++; break; }
      String key = key();
      skipSpace();
      expect(':');
      skipSpace();
      members.put(key, value());
      skipSpace();
      char c = peek();
      if (c == ',') { pos++; skipSpace(); continue; }
      if (c == '}') { pos++; break; }
      throw error("expected ',' or '}' but found " + describeChar());
    }
    depth--;
    return new JObject(members);
  }

  private JArray array() throws Json5SyntaxException {
    enter();
    pos++; // [
    List<JsonValue> items = new ArrayList<>();
    skipSpace();
    while (true) {
      if (peek() == ']') { pos++; break; }
      items.add(value());
      skipSpace();
      char c = peek();
      if (c == ',') { pos++; skipSpace(); continue; }
      if (c == ']') { pos++; break; }
      throw error("expected ',' or ']' but found " + describeChar());
    }
    depth--;
    return new JArray(items);
  }

  private void enter() throws Json5SyntaxException {
    if (++depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH);
  }

  private String key() throws Json5SyntaxException {
    char c = peek();
    if (c == '"' || c == '\'') return string();
    int start = pos;
    while (pos < src.length() && isIdentifierChar(src.charAt(pos), pos == start)) pos++;
    if (pos == start) throw error("invalid character " + describeChar() + " where a key was expected");
    return WellFormed.of(src.substring(start, pos));
  }

  private static boolean isIdentifierChar(char c, boolean first) {
    return c == '_' || c == '$' || Character.isLetter(c) || (!first && Character.isDigit(c));
  }

  private String string() throws Json5SyntaxException {
    char quote = src.charAt(pos++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length()) throw error("unterminated string");
      char c = src.charAt(pos++);
      if (c == quote) return WellFormed.of(sb.toString());
      if (c == '\n' || c == '\r') { pos--; throw error("line break inside a string"); }
      if (c != '\\') { sb.append(c); continue; }
      if (pos >= src.length()) throw error("unterminated string");
      char e = src.charAt(pos++);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\u000b');
        case '0' -> sb.append('\0');
        case '\n' -> { } // line continuation
        case '\r' -> { if (pos < src.length() && src.charAt(pos) == '\n') pos++; }
        case '\u2028', '\u2029' -> { }
        case 'x' -> sb.append((char) hex(2));
        case 'u' -> sb.append((char) hex(4));
        default -> sb.append(e);
      }
    }
  }

  private int hex(int digits) throws Json5SyntaxException {
    if (pos + digits > src.length()) throw error("bad escape");
    int v = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(src.charAt(pos++), 16);
      if (d < 0) { pos--; throw error("bad hex digit " + describeChar()); }
      v = v * 16 + d;
    }
    return v;
  }

  private JNumber number() throws Json5SyntaxException {
    int start = pos;
    double sign = 1;
    if (peek() == '+' || peek() == '-') {
      if (src.charAt(pos) == '-') sign = -1;
      pos++;
    }
    if (startsWord("Infinity")) { pos += 8; return new JNumber(sign * Double.POSITIVE_INFINITY); }
    if (startsWord("NaN")) { pos += 3; return new JNumber(Double.NaN); }
    if (peek() == '0' && pos + 1 < src.length() && (src.charAt(pos + 1) | 0x20) == 'x') {
      pos += 2;
      int hs = pos;
      while (pos < src.length() && Character.digit(src.charAt(pos), 16) >= 0) pos++;
      if (pos == hs) throw error("bad hex number");
      return new JNumber(sign * Long.parseLong(src.substring(hs, pos), 16));
    }
    int digitsStart = pos;
    while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    boolean intDigits = pos > digitsStart;
    boolean fracDigits = false;
    if (peek() == '.') {
      pos++;
      int fs = pos;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
      fracDigits = pos > fs;
    }
    if (!intDigits && !fracDigits) { pos = start; throw error("invalid number"); }
    if ((peek() | 0x20) == 'e') {
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      int es = pos;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
      if (pos == es) throw error("invalid exponent");
    }
    String text = src.substring(digitsStart, pos);
    return new JNumber(sign * Double.parseDouble(text.endsWith(".") ? text + "0" : text));
  }

  private void skipSpace() throws Json5SyntaxException {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
        while (pos < src.length() && src.charAt(pos) != '\n') pos++;
      } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) throw error("unterminated comment");
        pos = end + 2;
      } else if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff' || c == '\u2028' || c == '\u2029') {
        pos++;
      } else {
        return;
      }
    }
  }

  private boolean startsWord(String w) {
    if (!src.startsWith(w, pos)) return false;
    int end = pos + w.length();
    return end >= src.length() || !isIdentifierChar(src.charAt(end), false);
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : '\0';
  }

  private void expect(char c) throws Json5SyntaxException {
    if (peek() != c) throw error("expected '" + c + "' but found " + describeChar());
    pos++;
  }

  private String describeChar() {
    return pos >= src.length() ? "end of input" : "'" + src.charAt(pos) + "'";
  }

  private Json5SyntaxException error(String message) {
    int line = 1, col = 1;
    for (int i = 0; i < Math.min(pos, src.length()); i++) {
      if (src.charAt(i) == '\n') { line++; col = 1; } else col++;
    }
    return new Json5SyntaxException("JSON5: " + message, line, col);
  }
}
