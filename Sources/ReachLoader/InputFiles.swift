import Foundation
import ReachModel

/// File-system side of loading: expanding directories, reading with a size limit, decoding text.
enum InputFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// A file path as is; a directory as its `.yaml/.yml/.json` files, recursively, sorted.
    /// - Complexity: O(entries under the directory × log).
    static func expand(_ path: String, diagnostics: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .error,
                                          location: SourceLocation(file: path, document: 0, line: 0, column: 0),
                                          message: "no such file or directory"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = (path as NSString).appendingPathComponent(relative)
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue { files.append(full) }
        }
        return files.sorted()
    }

    /// Reads a file, refusing ones over `limit` bytes.
    static func read(_ path: String, limit: Int, diagnostics: inout [Diagnostic]) -> Data? {
        let location = SourceLocation(file: path, document: 0, line: 0, column: 0)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           let size = attributes[.size] as? NSNumber, size.intValue > limit {
            diagnostics.append(Diagnostic(id: DiagnosticID.tooLarge, severity: .error, location: location,
                                          message: "file is \(size.intValue) bytes, over the \(limit)-byte limit; skipped"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(id: DiagnosticID.unreadable, severity: .error, location: location,
                                          message: "cannot read file"))
            return nil
        }
        return data
    }

    /// UTF-8 (with or without BOM), or UTF-16 with a BOM.
    static func decodeText(_ data: Data) -> String? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16)
        }
        return String(data: data, encoding: .utf8)
    }
}
