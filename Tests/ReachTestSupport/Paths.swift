import Foundation

/// Locations used by tests: the package root, its Fixtures, and the optional ../shared corpus.
public enum TestPaths {
    /// The package root (derived from this file's path).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var fixtures: URL { packageRoot.appendingPathComponent("Fixtures") }

    /// `../shared` beside the checkout, or `nil` (tests that need it skip with a message).
    public static var shared: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) ? url : nil
    }

    public static var corpus: URL? { shared?.appendingPathComponent("corpus") }

    public static func fixture(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }

    /// `text` with machine-specific path prefixes (the corpus, the Fixtures folder) replaced, so
    /// goldens are portable.
    public static func portable(_ text: String) -> String {
        var out = text
        if let corpus = corpus?.path { out = out.replacingOccurrences(of: corpus + "/", with: "corpus/") }
        out = out.replacingOccurrences(of: fixtures.path + "/", with: "Fixtures/")
        return out
    }
}

/// Golden-file comparison: `KUBE_REACH_UPDATE_GOLDENS=1 swift test` rewrites expected files.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["KUBE_REACH_UPDATE_GOLDENS"] == "1" }

    /// Returns `nil` when `actual` matches the golden file, else a description of the mismatch.
    public static func check(_ actual: String, against relativePath: String) -> String? {
        let url = TestPaths.fixtures.appendingPathComponent(relativePath)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "golden \(relativePath) missing (run with KUBE_REACH_UPDATE_GOLDENS=1)"
        }
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<eof>", al = i < a.count ? String(a[i]) : "<eof>"
            if el != al { return "golden \(relativePath) differs at line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "golden \(relativePath) differs"
    }
}
