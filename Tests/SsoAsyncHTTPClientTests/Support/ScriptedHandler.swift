import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// Plays the ``ServerScript`` of each request's path on one connection (event-loop confined).
final class ScriptedHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let routes: NIOLockedValueBox<[String: ServerScript]>
    private let log: ServerLog
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var path = ""
    private var written = 0

    init(routes: NIOLockedValueBox<[String: ServerScript]>, log: ServerLog) {
        self.routes = routes
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
            written = 0
            log.record(
                ServerLog.Request(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body))
            let script = routes.withLockedValue { $0[path] } ?? .respond(status: .notFound, body: Array("no".utf8))
            play(script, request: head, context: context)
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        log.recordOpen()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        log.record(ServerLog.Close(path: path, bodyBytesWritten: written))
        context.fireChannelInactive()
    }

    private func play(_ script: ServerScript, request: HTTPRequestHead, context: ChannelHandlerContext) {
        switch script {
        case .respond(let status, let headers, let body):
            var fields = HTTPHeaders(headers.map { ($0.key, $0.value) })
            fields.replaceOrAdd(name: "Content-Length", value: "\(body.count)")
            send(status, fields, body: body, context: context)
        case .chunked(let chunks):
            writeHead(.ok, HTTPHeaders(), context: context)
            for chunk in chunks {
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: chunk)))), promise: nil)
                written += chunk.count
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        case .flood(let total, let declareLength):
            writeHead(.ok, declareLength ? ["Content-Length": "\(total)"] : HTTPHeaders(), context: context)
            flood(remaining: total, context: context)
        case .stallAfterHead:
            writeHead(.ok, ["Content-Length": "100"], context: context)
        case .stallBeforeHead:
            break
        case .truncate(let declared, let sent):
            writeHead(.ok, ["Content-Length": "\(declared)"], context: context)
            let part = ByteBuffer(repeating: 0x62, count: sent)
            written = sent
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(part)))).assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        case .echo:
            var fields = HTTPHeaders()
            fields.add(name: "x-echo-method", value: request.method.rawValue)
            fields.add(name: "x-echo-content-type", value: request.headers.first(name: "content-type") ?? "")
            fields.add(name: "Content-Length", value: "\(body.count)")
            send(.ok, fields, body: body, context: context)
        }
    }

    private func send(
        _ status: HTTPResponseStatus, _ fields: HTTPHeaders, body: [UInt8], context: ChannelHandlerContext
    ) {
        writeHead(status, fields, context: context)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        written += body.count
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func writeHead(_ status: HTTPResponseStatus, _ fields: HTTPHeaders, context: ChannelHandlerContext) {
        let head = HTTPResponseHead(version: .http1_1, status: status, headers: fields)
        context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
    }

    /// One 16 KiB write at a time, the next only once the previous reached the socket: what was
    /// written is bounded by what the client read (plus the socket buffers).
    private func flood(remaining: Int, context: ChannelHandlerContext) {
        guard remaining > 0 else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let size = min(16 * 1024, remaining)
        let chunk = ByteBuffer(repeating: 0x61, count: size)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).assumeIsolated().whenComplete { result in
            guard case .success = result, context.channel.isActive else { return }
            self.written += size
            self.flood(remaining: remaining - size, context: context)
        }
    }
}
