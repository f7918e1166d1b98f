#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import ReachReports

/// Standard output could not be written (full disk, closed pipe): exit code 2.
struct StandardOutputError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "cannot write standard output: \(reason)" }
}

extension Output {
    /// Runs `body` with a buffered byte writer on standard output (or the capturing sink of
    /// tests), then flushes it. A write failure stops the output and is rethrown once, as
    /// ``StandardOutputError``.
    /// - Complexity: O(bytes written); memory is the writer's buffer.
    static func stream(_ body: (ByteWriter) throws -> Void) throws {
        if let sink {
            let (writer, bytes) = ByteWriter.collecting()
            try body(writer)
            try writer.finish()
            sink.append(String(decoding: bytes(), as: UTF8.self))
            return
        }
        let writer = ByteWriter { chunk in try writeAll(chunk, fd: 1) }
        try body(writer)
        do { try writer.finish() } catch let error as StandardOutputError {
            FileHandle.standardError.write(Data("kube-reach: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// `write(2)` until every byte is written (retrying on EINTR).
    static func writeAll(_ chunk: UnsafeRawBufferPointer, fd: Int32) throws {
        guard var p = chunk.baseAddress else { return }
        var left = chunk.count
        while left > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, p, left)
            #else
            let n = Darwin.write(fd, p, left)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw StandardOutputError(reason: String(cString: strerror(errno)))
            }
            left -= n
            p = p.advanced(by: n)
        }
    }
}

