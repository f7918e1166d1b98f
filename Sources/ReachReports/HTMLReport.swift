/// A self-contained HTML page (inline CSS and SVG, no scripts, no network fetches) made of
/// sections. Other report producers add sections through ``HTMLReport/Section``; the page
/// only lays them out with a table of contents.
public struct HTMLReport: Sendable {
    public struct Section: Sendable {
        /// Anchor id (letters, digits, `-`).
        public var id: String
        public var title: String
        /// Body as an HTML fragment (already escaped; build it with ``HTML``).
        public var body: String
        /// A placeholder section (the analysis is not available in this build) is drawn greyed out.
        public var isPlaceholder: Bool

        public init(id: String, title: String, body: String, isPlaceholder: Bool = false) {
            self.id = id
            self.title = title
            self.body = body
            self.isPlaceholder = isPlaceholder
        }
    }

    public var title: String
    public var subtitle: String
    public var sections: [Section]

    public init(title: String, subtitle: String = "", sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The whole page.
    /// - Complexity: O(size of the sections).
    public func render() -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTML.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <header><h1>\(HTML.escape(title))</h1><p class="sub">\(HTML.escape(subtitle))</p></header>
        <nav><ul>
        """
        for s in sections { out += "<li><a href=\"#\(HTML.escape(s.id))\">\(HTML.escape(s.title))</a></li>" }
        out += "</ul></nav>\n<main>\n"
        for s in sections {
            out += "<section id=\"\(HTML.escape(s.id))\"\(s.isPlaceholder ? " class=\"placeholder\"" : "")>"
            out += "<h2>\(HTML.escape(s.title))</h2>\n\(s.body)\n</section>\n"
        }
        out += "</main>\n<footer>Generated offline by kube-reach from manifests; no cluster was contacted.</footer>\n</body>\n</html>\n"
        return out
    }

    static let css = """
    body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#1d2330;background:#f4f6f9}
    header{background:#1d2b4a;color:#fff;padding:18px 32px}header h1{margin:0;font-size:24px}
    .sub{margin:4px 0 0;color:#c5cee0;font-size:13px}
    nav{background:#fff;border-bottom:1px solid #dde2ea;padding:6px 32px}
    nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:18px;font-size:13px}
    nav a{color:#2a5bd7;text-decoration:none}
    main{padding:16px 32px;max-width:1400px}
    section{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:14px 20px;margin:0 0 18px}
    section h2{margin:0 0 10px;font-size:18px}
    section.placeholder{background:#f0f0f0;color:#666;border-style:dashed}
    table{border-collapse:collapse;font-size:13px;margin:6px 0}
    th,td{border-bottom:1px solid #e5e8ee;padding:4px 10px;text-align:left;vertical-align:top}
    th{background:#f0f3f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
    .cards{display:flex;flex-wrap:wrap;gap:12px}
    .card{border:1px solid #dde2ea;border-radius:6px;padding:8px 14px;min-width:110px}
    .card b{display:block;font-size:22px}.card span{font-size:12px;color:#5b6475}
    .sev-error{color:#b3261e;font-weight:600}.sev-warning{color:#a15c00}.sev-info{color:#45617f}
    .sev-high{color:#b3261e;font-weight:600}.sev-medium{color:#a15c00;font-weight:600}.sev-low{color:#45617f}
    .risk{display:inline-block;background:#f8d3d0;color:#7d1d16;border-radius:4px;padding:0 6px;margin:1px;font-size:12px}
    .graph{overflow:auto;border:1px solid #eef0f4;border-radius:6px;padding:6px;background:#fff}
    .graph svg{max-width:100%;height:auto}
    .note{font-size:12px;color:#5b6475}
    footer{padding:10px 32px 24px;font-size:12px;color:#5b6475}
    """
}

/// HTML fragment helpers: escaping, tables, cards and inline SVG.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and writes control characters visibly
    /// (``SafeText/xml(_:)``): the page stays well-formed XML (it is written as polyglot
    /// HTML/XHTML: void elements self-closed) whatever the names in the input.
    public static func escape(_ text: String) -> String { SafeText.xml(text) }

    /// A table; `cells` are HTML fragments (escape text first), `numeric` columns right-aligned.
    /// Beyond `limit` rows the rest is summarised in one line.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], limit: Int = 200) -> String {
        if rows.isEmpty { return "<p class=\"note\">None.</p>" }
        var out = "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows.prefix(limit) {
            out += "<tr>" + row.enumerated().map { numeric.contains($0.offset) ? "<td class=\"num\">\($0.element)</td>" : "<td>\($0.element)</td>" }.joined() + "</tr>"
        }
        out += "</tbody></table>"
        if rows.count > limit { out += "<p class=\"note\">… and \(rows.count - limit) more rows (see the CLI output for all).</p>" }
        return out
    }

    /// Summary cards: a big number and a caption each.
    public static func cards(_ items: [(value: String, caption: String)]) -> String {
        "<div class=\"cards\">" + items.map { "<div class=\"card\"><b>\(escape($0.value))</b><span>\(escape($0.caption))</span></div>" }.joined() + "</div>"
    }

    /// Graphviz SVG output made inlinable: the XML declaration and DOCTYPE before `<svg` dropped.
    public static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return "<div class=\"graph\">" + svg[start.lowerBound...] + "</div>"
    }
}
