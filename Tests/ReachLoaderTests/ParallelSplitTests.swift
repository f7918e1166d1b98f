import Foundation
import ReachLoader
import ReachModel
import Testing

/// Large inputs are UTF-8-checked and split into documents in pieces on all cores (pieces of at
/// least 1 MiB, cut at line starts), then parsed in batches of documents. These inputs are large
/// enough to be cut into several pieces, so documents, comments and errors straddle the cuts; the
/// answers must be those of the serial reading: document numbers and file lines as counted over
/// the whole file, and one located error (`KR-LOAD-001`, file#0:0:0) for a file that is not UTF-8
/// anywhere (the file is skipped as a whole, as before).
@Suite struct ParallelSplitTests {
    /// `count` documents, each preceded by comment-only and blank material, the marker of every
    /// third one carrying a comment; returns the text, each document's marker line, and the next line.
    static func stream(count: Int) -> (text: String, lines: [Int], next: Int) {
        var text = "# header comment\n\n", line = 3, lines: [Int] = []
        for i in 0..<count {
            if i % 5 == 0 {
                text += "---\n# comment-only document \(i)\n\n"
                line += 3
            }
            lines.append(line)
            if i % 3 == 0 {
                text += "--- # marker with a comment\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-\(i)\n"
            } else {
                text += "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-\(i)\n  # café ☕ \(i)\n"
            }
            line += i % 3 == 0 ? 5 : 6
        }
        return (text, lines, line)
    }

    /// 3.1 MB: three pieces; every document is read, and an error planted in the last document is
    /// located at its document number and file line counted over the whole file.
    @Test func documentsAndLinesAcrossPieces() {
        let count = 40_000
        let (good, lines, next) = Self.stream(count: count)
        let bad = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: [not, a, name]\n"
        let text = good + bad
        #expect(text.utf8.count > 3 << 20)
        let s = ManifestLoader().load(paths: ["-"], stdin: { Data(text.utf8) })
        #expect(s.namespaces.count == count)
        // The bad document alone (one small piece, read serially) gives the oracle for its error;
        // in the stream it is document count + 1 (comment-only documents are not numbered).
        let aloneSnapshot = ManifestLoader().load(paths: ["-"], stdin: { Data(bad.utf8) })
        let alone = aloneSnapshot.errors
        #expect(!alone.isEmpty)
        #expect(s.diagnostics.count == aloneSnapshot.diagnostics.count, "\(s.diagnostics.prefix(3))")
        let shifted = alone.map { d -> Diagnostic in
            var d = d
            d.location = d.location.map { SourceLocation(file: $0.file, document: count + 1, line: $0.line + next - 1, column: $0.column) }
            return d
        }
        #expect(s.errors == shifted, "\(s.errors.prefix(3))")
        // Documents' numbers and first lines as the serial split counts them (spot checks).
        let byName = Dictionary(uniqueKeysWithValues: s.namespaces.map { ($0.name, $0.meta.location) })
        for i in stride(from: 0, to: count, by: 97) {
            #expect(byName["ns-\(i)"] == SourceLocation(file: "<stdin>", document: i + 1, line: lines[i] + 1, column: 1), "ns-\(i)")
        }
    }

    /// Invalid UTF-8 deep inside a large file, in a comment between documents (a region no
    /// document covers) or inside a document: the whole file is one error, nothing is loaded.
    @Test(arguments: [[UInt8]([0xC0, 0x80]), [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]])
    func invalidUTF8AnywhereRejectsTheFile(bad: [UInt8]) {
        let (text, _, _) = Self.stream(count: 30_000)
        let bytes = Array(text.utf8)
        for at in [bytes.count / 2, bytes.count - 10] {
            // Start of a line near `at`, then a comment line holding the bad bytes.
            let cut = (bytes[..<at].lastIndex(of: 0x0A) ?? 0) + 1
            let data = Data(bytes[..<cut] + Array("# bad: ".utf8) + bad + [0x0A] + bytes[cut...])
            let s = ManifestLoader().load(paths: ["-"], stdin: { data })
            #expect(s.namespaces.isEmpty)
            #expect(s.diagnostics.count == 1)
            #expect(s.errors.first?.id == DiagnosticID.unreadable)
            #expect(s.errors.first?.message == "not valid UTF-8 or UTF-16 text")
            #expect(s.errors.first?.location == SourceLocation(file: "<stdin>", document: 0, line: 0, column: 0))
            #expect(s.files.isEmpty)
        }
    }

    /// A file ending inside a multi-byte sequence is not UTF-8.
    @Test func truncatedSequenceAtTheEnd() {
        let (text, _, _) = Self.stream(count: 30_000)
        let s = ManifestLoader().load(paths: ["-"], stdin: { Data(Array(text.utf8) + [0xC3]) })
        #expect(s.namespaces.isEmpty)
        #expect(s.errors.map(\.id) == [DiagnosticID.unreadable])
    }

    /// Foundation's UTF-8 text decoding (used before the loader read bytes) dropped one leading
    /// BOM and the loader a second one; both are still dropped, so lines and columns are counted
    /// from the text after them.
    @Test func twoLeadingBOMsAreDropped() {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: bom}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: [x]}\n"
        let s = ManifestLoader().load(paths: ["-"], stdin: { Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(text.utf8)) })
        let plain = ManifestLoader().load(paths: ["-"], stdin: { Data(text.utf8) })
        #expect(s.namespaces.map(\.name) == ["bom"])
        #expect(!plain.errors.isEmpty)
        #expect(s.diagnostics == plain.diagnostics)
        #expect(s.namespaces.map(\.meta.location) == plain.namespaces.map(\.meta.location))
    }
}
