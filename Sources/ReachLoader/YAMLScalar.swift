/// How Kubernetes reads a plain (unquoted) scalar as a number.
///
/// YAML input goes through sigs.k8s.io/yaml, which decodes with go-yaml v2 (YAML 1.1 rules,
/// `resolve.go`) into Go values, marshals them to JSON and decodes that JSON into the API types.
/// So in YAML `port: 0x50` is 80, `0120` is 80 (octal), `1_000` is 1000, `+80` is 80, and a float
/// such as `1e2` or `80.0` is re-marshalled by encoding/json as `100` / `80`, which an integer
/// field accepts. JSON input is decoded as JSON (kubectl sniffs a leading `{`), where only
/// `-?(0|[1-9][0-9]*)` is an integer. Quoted scalars are always strings. See docs/yaml-1.1.md.
enum YAMLScalar {
    /// A plain scalar's numeric reading.
    enum Number: Equatable {
        /// An integer (or a float with an integral value that JSON re-encodes without a fraction).
        case integer(Int)
        /// A number that is not an integer (`1.5`, `.inf`, `1e30`): integer fields reject it.
        case nonInteger
    }

    /// The number a plain scalar `text` is, or `nil` when it is not a number (a string, bool, null,
    /// timestamp). `json`: the document is JSON, so only JSON number syntax counts.
    /// - Complexity: O(text length).
    static func number(_ text: Substring, json: Bool) -> Number? {
        // Longer scalars are names or data, never a number an API field takes; skip the parse.
        guard text.utf8.count <= 1024 else { return nil }
        // Fast path, the common case in both syntaxes: a plain decimal without a leading zero.
        let u = text.utf8
        if let first = u.first, u.count <= 18, first != UInt8(ascii: "0") || u.count == 1,
           u.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let v = Int(text) {
            return .integer(v)
        }
        return json ? jsonNumber(text) : yamlNumber(text)
    }

    /// JSON numbers: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; Go's encoding/json only
    /// decodes the integer form into an integer field.
    static func jsonNumber(_ text: Substring) -> Number? {
        let u = Array(text.utf8)
        var i = 0
        if i < u.count, u[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < u.count, isDigit(u[i]) { i += 1 }
        let intDigits = i - intStart
        guard intDigits > 0, !(intDigits > 1 && u[intStart] == UInt8(ascii: "0")) else { return nil }
        if i == u.count { return Int(text).map(Number.integer) ?? .nonInteger }
        if u[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > f else { return nil }
        }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > e else { return nil }
        }
        return i == u.count ? .nonInteger : nil
    }

    /// go-yaml v2 `resolve()` for an untagged plain scalar, then Go's JSON round trip.
    static func yamlNumber(_ text: Substring) -> Number? {
        guard let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "."):
            // resolve: `.inf`, `.nan` and friends are floats; else strconv.ParseFloat.
            if [".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"].contains(text) { return .nonInteger }
            return float(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if ["+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"].contains(text) { return .nonInteger }
            if isTimestamp(text) { return nil }
            let plain = Substring(text.filter { $0 != "_" })
            if let v = goParseInt(plain) { return v }
            if isYAMLStyleFloat(plain) { return float(plain) }
            return nil
        default:
            return nil
        }
    }

    /// strconv.ParseInt(s, 0, 64) (and ParseUint's larger values as out-of-Int integers):
    /// optional sign, then `0x`/`0o`/`0b` prefixes, a leading `0` for octal, or decimal.
    static func goParseInt(_ s: Substring) -> Number? {
        var body = s
        var negative = false
        if let c = body.first, c == "+" || c == "-" { negative = c == "-"; body = body.dropFirst() }
        guard !body.isEmpty else { return nil }
        var radix = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; body = body.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; body = body.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; body = body.dropFirst(2) }
        else if body.count > 1, body.first == "0" { radix = 8; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
        guard let magnitude = UInt64(body, radix: radix) else { return .nonInteger }  // > 64 bits: no int field takes it
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return .nonInteger }
            return .integer(magnitude == UInt64(Int64.max) + 1 ? Int.min : -Int(magnitude))
        }
        guard magnitude <= UInt64(Int.max) else { return .nonInteger }
        return .integer(Int(magnitude))
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (go-yaml v2 `yamlStyleFloat`).
    static func isYAMLStyleFloat(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        var i = 0
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > f else { return false }
        } else {
            let d = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > d else { return false }
            if i < u.count, u[i] == UInt8(ascii: ".") {
                i += 1
                while i < u.count, isDigit(u[i]) { i += 1 }
            }
        }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > e else { return false }
        }
        return i == u.count
    }

    /// A float as JSON re-encodes it: integral values below 1e21 print without a fraction
    /// (`100`), so an integer field takes them; anything else is not an integer.
    static func float(_ s: Substring) -> Number? {
        guard let v = Double(s) else { return nil }
        guard v.isFinite else { return nil }  // ParseFloat's range error: go-yaml keeps the text as a string
        guard v == v.rounded(), abs(v) < 1e21, abs(v) <= 9.2e18 else { return .nonInteger }
        return .integer(Int(v))
    }

    /// go-yaml's `parseTimestamp` quick check: four digits then `-` (2001-12-14…): never a number.
    static func isTimestamp(_ s: Substring) -> Bool {
        let u = Array(s.utf8.prefix(5))
        return u.count == 5 && u[0..<4].allSatisfy(isDigit) && u[4] == UInt8(ascii: "-")
            && (s.dropFirst(5).first?.isNumber ?? false)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
