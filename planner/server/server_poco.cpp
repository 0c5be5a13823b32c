// The HTTP transport: Poco::Net's server on 127.0.0.1, a bounded thread pool, timeouts and
// size limits; each request becomes a plain Request for App::handle.
#include "planner/server/app.hpp"
#include "planner/server/serve.hpp"
#include "planner/server/site.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <istream>
#include <ostream>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace planner::server {

namespace {

class Handler : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(App& app) : m_app(app) {}
    void handleRequest(Poco::Net::HTTPServerRequest& in,
                       Poco::Net::HTTPServerResponse& out) override {
        Request request;
        request.method = in.getMethod();
        request.target = in.getURI();
        for (const auto& field : in)
            request.headers.emplace_back(field.first, field.second);
        const std::size_t limit = m_app.config().max_body;
        Response response;
        bool too_large =
            in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(limit);
        if (!too_large && (in.hasContentLength() || in.getChunkedTransferEncoding())) {
            std::istream& body = in.stream();
            char buffer[8192];
            while (body && request.body.size() <= limit) {
                body.read(buffer, sizeof buffer);
                request.body.append(buffer, static_cast<size_t>(body.gcount()));
            }
            too_large = request.body.size() > limit;
        }
        if (too_large) {
            request.body.assign(limit + 1, '\0'); // App answers 413 after the Host check
            out.setKeepAlive(false);
        }
        response = m_app.handle(request);
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        out.setContentType(response.content_type);
        for (const auto& [name, value] : response.headers)
            out.add(name, value);
        out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
        if (request.method == "HEAD") {
            out.send();
            return;
        }
        out.sendBuffer(response.body.data(), response.body.size());
    }

private:
    App& m_app;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit Factory(App& app) : m_app(app) {}
    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(m_app);
    }

private:
    App& m_app;
};

void open_in_browser(const std::string& url, std::ostream& err) {
#ifdef __APPLE__
    const char* opener = "open";
#else
    const char* opener = "xdg-open";
#endif
    std::string program = opener;
    std::string address = url;
    char* argv[] = {program.data(), address.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, opener, nullptr, nullptr, argv, environ) != 0)
        err << "Could not start " << opener << "; open the address above in your browser.\n";
}

} // namespace

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    Site site(options.plan_path); // bad plans fail here, before anything listens

    // Ctrl-C and SIGTERM are taken by sigwait below; every thread started from here on
    // inherits the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Poco::Net::ServerSocket socket;
    try {
        socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(options.port)),
                    false);
        socket.listen(64);
    } catch (const Poco::Exception& e) {
        err << "planner serve: cannot listen on 127.0.0.1:" << options.port << ": "
            << e.displayText() << " (try another --port, or leave it out for a free one)\n";
        return 2;
    }
    const int port = socket.address().port();
    App app(site, make_config(port, options.language));

    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(options.threads);
    params->setMaxQueued(options.queue);
    params->setTimeout(Poco::Timespan(options.timeout_seconds, 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(options.timeout_seconds, 0));
    params->setMaxKeepAliveRequests(200);
    params->setServerName("planner");
    Poco::ThreadPool pool(2, options.threads);
    Poco::Net::HTTPServer server(new Factory(app), pool, socket, params);
    server.start();

    const std::string url = "http://127.0.0.1:" + std::to_string(port) +
                            "/?token=" + app.config().token +
                            (options.language != "en" ? "&lang=" + options.language : "");
    out << url << std::endl;
    err << "Serving " << options.plan_path << " at http://127.0.0.1:" << port
        << "/ (open the address above; Ctrl-C stops the server).\n";
    err.flush();
    if (options.open_browser)
        open_in_browser(url, err);

    int received = 0;
    sigwait(&signals, &received);
    server.stopAll(true);
    pool.joinAll();
    pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
    err << "Stopped.\n";
    return 0;
}

} // namespace planner::server
