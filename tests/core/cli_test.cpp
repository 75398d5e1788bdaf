// The `vouch` tool (core/cli/): error records by line with the other lines still processed,
// messages that name the field, the exit statuses of the contract, and eval/bench/validate-policy.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct run_result {
  int status = -1;
  std::string out, err;
  std::vector<std::string> lines;  ///< standard output, a line each
};

/// A scratch folder for one test, removed afterwards.
struct scratch {
  fs::path dir;
  scratch() {
    static int counter = 0;
    dir = fs::temp_directory_path() /
          ("vouch_cli_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter));
    fs::create_directories(dir);
  }
  ~scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
  std::string read(const std::string& name) const {
    std::ifstream in(dir / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  /// Runs the tool with `args` (already quoted where needed), standard input from `stdin_file`.
  run_result run(const std::string& args, const std::string& stdin_file = "/dev/null") const {
    const std::string cmd = std::string("'") + VOUCH_TOOL + "' " + args + " < '" + stdin_file +
                            "' > '" + (dir / "out").string() + "' 2> '" + (dir / "err").string() +
                            "'";
    const int raw = std::system(cmd.c_str());
    run_result r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read("out");
    r.err = read("err");
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) r.lines.push_back(line);
    return r;
  }
  /// Runs `vouch classify` under `policy` over `input` (JSON Lines), given as a file.
  run_result classify(const std::string& input, const std::string& policy) const {
    const auto pol = write("policy.json", policy);
    return run("classify --policy '" + pol + "' '" + write("in.jsonl", input) + "'");
  }
};

/// The run failed with `status` and said `message` on standard error.
void check_failure(const run_result& r, int status, const std::string& message) {
  CHECK(r.status == status);
  CHECK_THAT(r.err, Contains(message));
}

const char* policy_text =
    R"({"me": {"name": "Helga Sørensen", "companies": ["A.P. Moller - Maersk"],
  "work_email": "helga@globex.example.com"}, "mode": "balanced"})";

const std::string good_known =
    R"({"id": "a", "sender": {"name": "Ole Berg"}, "message": "We worked together at Maersk in 2014."})";
const std::string good_sales =
    R"({"id": "b", "sender": {"name": "Mia Holt", "headline": "Account Executive"}, "message": "Our platform cuts cloud bills. Free trial this week?"})";

}  // namespace

TEST_CASE("classify writes one result a line in input order") {
  scratch s;
  const auto r = s.classify(good_known + "\n" + good_sales + "\n", policy_text);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  REQUIRE(r.lines.size() == 2);
  CHECK(json::parse(r.lines[0])["id"] == "a");
  CHECK(json::parse(r.lines[0])["category"] == "known");
  CHECK(json::parse(r.lines[1])["id"] == "b");
  CHECK(json::parse(r.lines[1])["verdict"] == "decline");
  CHECK_THAT(json::parse(r.lines[1])["reply"].get<std::string>(),
             Contains("helga@globex.example.com"));
}

TEST_CASE("classify reads standard input") {
  scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const auto in = s.write("in.jsonl", good_known + "\r\n");
  const auto r = s.run("classify --policy '" + pol + "' -", in);
  CHECK(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  CHECK(json::parse(r.lines[0])["category"] == "known");
}

TEST_CASE("a bad line gives an error record on its line and the others are still processed") {
  scratch s;
  const auto r =
      s.classify(good_known + "\n{\"id\": \"broken\", \n" + good_sales + "\n", policy_text);
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == 3);
  CHECK(json::parse(r.lines[0])["id"] == "a");
  const json error = json::parse(r.lines[1]);
  CHECK(error == json{{"line", 2}, {"error", "invitation: not valid JSON"}});
  CHECK(json::parse(r.lines[2])["id"] == "b");
  CHECK_THAT(r.err, Contains("line 2: invitation: not valid JSON"));
}

TEST_CASE("a missing or mistyped field is an error that names it") {
  struct field_case {
    std::string line;
    std::string message;
  };
  const std::vector<field_case> cases{
      {R"({"sender": {"name": "Ole Berg"}})", "id: missing (every invitation needs an id)"},
      {R"({"id": 5, "sender": {"name": "Ole Berg"}})", "id: expected a string, got a number"},
      {R"({"id": "x"})", "sender: missing"},
      {R"({"id": "x", "sender": "Ole"})", "sender: expected an object, got a string"},
      {R"({"id": "x", "sender": {"headline": "CTO"}})", "sender.name: missing"},
      {R"({"id": "x", "sender": {"name": ["Ole"]}})", "sender.name: expected a string, got a list"},
      {R"({"id": "x", "sender": {"name": "Ole", "headline": 3}})",
       "sender.headline: expected a string, got a number"},
      {R"({"id": "x", "sender": {"name": "Ole", "mutual_connections": -2}})",
       "sender.mutual_connections: expected a number of 0 or more, got -2"},
      {R"({"id": "x", "sender": {"name": "Ole"}, "message": 12})",
       "message: expected a string, got a number"},
      {R"({"id": "x", "sender": {"name": "Ole"}, "prior_invitations": "two"})",
       "prior_invitations: expected a whole number, got a string"},
      {R"(["not", "an", "object"])", "invitation: expected a JSON object, got a list"},
  };
  scratch s;
  std::string input;
  for (const auto& c : cases) input += c.line + "\n";
  const auto r = s.classify(input + good_known + "\n", policy_text);
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO(cases[i].line);
    CHECK(json::parse(r.lines[i]) == json{{"line", i + 1}, {"error", cases[i].message}});
  }
  CHECK(json::parse(r.lines.back())["category"] == "known");
}

TEST_CASE("blank lines are skipped but still counted") {
  scratch s;
  const auto r = s.classify("\n" + good_known + "\n   \nnot json\n", policy_text);
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == 2);
  CHECK(json::parse(r.lines[1])["line"] == 4);
}

TEST_CASE("a bad policy stops the tool before any output with status 2") {
  struct policy_case {
    const char* what;
    std::string policy;
    std::string message;
  };
  const std::vector<policy_case> cases{
      {"an unknown mode", R"({"mode": "strict"})",
       "policy.mode: expected \"quality\", \"balanced\" or \"open\""},
      {"not JSON", "{\"mode\": ", "policy: not valid JSON"},
      {"a bad company", R"({"me": {"companies": [1]}})",
       "policy.me.companies[0]: expected a string, got a number"},
  };
  scratch s;
  const auto in = s.write("in.jsonl", good_known + "\n");
  for (const auto& c : cases) {
    SECTION(c.what) {
      const auto pol = s.write("policy.json", c.policy);
      const auto r = s.run("classify --policy '" + pol + "' '" + in + "'");
      CHECK(r.status == 2);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Contains(c.message));
      const auto v = s.run("validate-policy '" + pol + "'");
      CHECK(v.status == 2);
      CHECK(v.out.empty());
      CHECK_THAT(v.err, Contains(c.message));
    }
  }
  SECTION("a policy file that does not exist") {
    const auto r =
        s.run("classify --policy '" + (s.dir / "nowhere.json").string() + "' '" + in + "'");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("cannot open file"));
  }
  SECTION("no policy at all") {
    const auto r = s.run("classify '" + in + "'");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("--policy"));
  }
}

TEST_CASE("validate-policy prints the policy with defaults filled in") {
  scratch s;
  const auto r = s.run("validate-policy '" + s.write("policy.json", policy_text) + "'");
  CHECK(r.status == 0);
  REQUIRE(r.lines.size() == 1);
  const json j = json::parse(r.lines[0]);
  CHECK(j["me"]["first_name"] == "Helga");
  CHECK(j["note_limit"] == 200);
  CHECK(j["mode"] == "balanced");
}

TEST_CASE("an unknown command or option is a usage error") {
  scratch s;
  CHECK(s.run("frobnicate").status == 2);
  CHECK(s.run("classify --bogus").status == 2);
  CHECK(s.run("").status == 2);
  const auto help = s.run("--help");
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Contains("vouch classify --policy"));
}

TEST_CASE("eval prints a confusion matrix and per-category figures and the misses") {
  scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const std::string labelled =
      R"({"id": "e1", "sender": {"name": "Ole Berg"}, "message": "We worked together at Maersk in 2014.", "expect": {"category": "known", "verdict": "accept"}})"
      "\n"
      R"({"id": "e2", "sender": {"name": "Mia Holt"}, "message": "Our platform cuts cloud bills. Free trial this week?", "expect": {"category": "sales", "verdict": "decline"}})"
      "\n"
      R"({"id": "e3", "sender": {"name": "Ida Lund"}, "message": null, "expect": {"category": "scam", "verdict": "ignore"}})"
      "\n";
  const auto r = s.run("eval --policy '" + pol + "' '" + s.write("labelled.jsonl", labelled) + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("confusion matrix"));
  CHECK_THAT(r.out, Contains("precision"));
  CHECK_THAT(r.out, Contains("records: 3"));
  CHECK_THAT(r.out, Contains("category accuracy: 66.7% (2/3)"));
  CHECK_THAT(r.out, Contains("e3: expected scam/ignore, got generic/ask"));
  SECTION("a record without expect is an unreadable line") {
    const auto bad =
        s.run("eval --policy '" + pol + "' '" + s.write("plain.jsonl", good_known + "\n") + "'");
    check_failure(bad, 1, "line 1: expect.category: missing or unknown");
  }
}

TEST_CASE("bench prints throughput figures") {
  scratch s;
  const auto in = s.write("in.jsonl", good_known + "\n" + good_sales + "\n");
  const auto r = s.run("bench --min 50 '" + in + "'");
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("repeated 25 times: 50 invitations"));
  CHECK_THAT(r.out, Contains("invitations/s"));
  CHECK_THAT(r.out, Contains("MB/s"));
  SECTION("a corpus with no valid invitation is an error") {
    const auto bad = s.run("bench '" + s.write("bad.jsonl", "nope\n") + "'");
    check_failure(bad, 2, "no valid invitations");
  }
}

TEST_CASE("draft-note writes notes and error records like classify") {
  scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const std::string target =
      R"({"id": "t1", "target": {"name": "Priya Raman", "headline": "Head of Data"}, "context": {"relation": "worked_together", "where": "Maersk", "when": "2019"}})";
  const auto r = s.run("draft-note --policy '" + pol + "' '" +
                       s.write("targets.jsonl", target + "\n{\"id\": \"t2\"}\n") + "'");
  CHECK(r.status == 1);
  REQUIRE(r.lines.size() == 2);
  const json notes = json::parse(r.lines[0]);
  CHECK(notes["id"] == "t1");
  CHECK(notes["notes"].size() >= 3);
  const json error = json::parse(r.lines[1]);
  CHECK(error["line"] == 2);
  CHECK_THAT(error["error"].get<std::string>(), Contains("target"));
}

TEST_CASE("eval reports a record whose expect is not an object or whose verdict is not a string and scores the rest") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const std::string good = R"({"id": "a", "sender": {"name": "Ann"}, "message": "", "expect": {"category": "generic"}})";
  const std::string input = good + "\n" + R"({"id": "b", "sender": {"name": "Bo"}, "expect": [1, 2]})" + "\n" +
                            R"({"id": "c", "sender": {"name": "Cy"}, "expect": {"category": "generic", "verdict": 3}})" + "\n";
  const auto r = s.run("eval --policy '" + pol + "' '" + s.write("in.jsonl", input) + "'");
  CHECK(r.status == 1);
  CHECK_THAT(r.err, Contains("line 2: expect: expected an object"));
  CHECK_THAT(r.err, Contains("line 3: expect.verdict: expected a string"));
  CHECK_THAT(r.out, Contains("records: 1"));
}

TEST_CASE("bench refuses a --min that is not a whole number from 1 on; classify refuses a folder") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const auto in = s.write("in.jsonl", R"({"id": "a", "sender": {"name": "Ann"}})" "\n");
  for (const char* bad : {"abc", "-1", "0", "12x"}) {
    INFO(bad);
    check_failure(s.run(std::string("bench --min ") + bad + " '" + in + "'"), 2, "--min");
  }
  check_failure(s.run("classify --policy '" + pol + "' '" + s.dir.string() + "'"), 2, "is a folder, not a file");
}

TEST_CASE("every option of every command is checked: exit 2 and a message naming the option and the value") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const auto in = s.write("in.jsonl", good_known + "\n");
  const auto missing = (s.dir / "no-corpus").string();
  struct option_case {
    std::string args, message;
  };
  const std::vector<option_case> cases{
      {"bench --min abc '" + in + "'", "--min \"abc\": expected a whole number from 1 to 100000000"},
      {"bench --min -1 '" + in + "'", "--min \"-1\""},
      {"bench --min 99999999999999999999 '" + in + "'", "--min \"99999999999999999999\""},
      {"bench --min=0 '" + in + "'", "--min \"0\""},
      {"bench '" + in + "' --min", "--min: needs a value"},
      {"classify --policy '" + pol + "' --min 5 '" + in + "'", "--min: not an option of vouch classify"},
      {"classify --policy '" + pol + "' --cv 3 '" + in + "'", "--cv: not an option of vouch classify"},
      {"draft-note --policy '" + pol + "' --verbose '" + in + "'", "--verbose: not an option of vouch draft-note"},
      {"classify '" + in + "' --policy", "--policy: needs a value"},
      {"classify --policy= '" + in + "'", "--policy: needs a value, got \"\""},
      {"classify --policy '" + pol + "' --policy '" + pol + "' '" + in + "'", "--policy: given twice"},
      {"classify --policy '" + pol + "' '" + in + "' '" + in + "'", "takes one input file"},
      {"eval --policy '" + pol + "' --cv 3 '" + in + "'", "--cv: only with vouch eval --corpus"},
      {"eval --corpus '" + missing + "' --cv abc", "--cv \"abc\": expected a whole number from 2 to 20"},
      {"eval --corpus '" + missing + "' --learn-first 0", "--learn-first \"0\": expected a whole number from 1 to 1000"},
      {"eval --corpus '" + missing + "' --verbose=yes", "--verbose takes no value, got \"yes\""},
      {"train --corpus '" + missing + "' --cv 1", "--cv \"1\""},
      {"train --corpus '" + missing + "' --set alpha=abc", "--set alpha=abc"},
      {"train --corpus '" + missing + "' --min 5", "--min: not an option of vouch train"},
      {"validate-policy --policy '" + pol + "'", "--policy: not an option of vouch validate-policy"},
      {"version --min 3", "--min: not an option of vouch version"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = s.run(c.args);
    check_failure(r, 2, c.message);
    CHECK(r.out.empty());
  }
}

TEST_CASE("an input that cannot be read is exit 2 and a message naming the path") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const std::string folder = s.dir.string(), missing = (s.dir / "nowhere.jsonl").string();
  // The section names must not hold the scratch folder's name, which changes with each run.
  const std::vector<std::pair<std::string, std::string>> commands{
      {"classify", "classify --policy '" + pol + "'"}, {"draft-note", "draft-note --policy '" + pol + "'"},
      {"eval", "eval --policy '" + pol + "'"}, {"bench", "bench"}, {"validate-policy", "validate-policy"}};
  for (const auto& [name, cmd] : commands) {
    INFO(cmd);
    SECTION("a folder: " + name) { check_failure(s.run(cmd + " '" + folder + "'"), 2, folder + ": is a folder, not a file"); }
    SECTION("a missing file: " + name) { check_failure(s.run(cmd + " '" + missing + "'"), 2, missing + ": cannot open file"); }
    // /proc/self/mem opens but every read of it fails (EIO): a read error, even for root.
    SECTION("a file whose reading fails: " + name) {
      if (fs::exists("/proc/self/mem")) check_failure(s.run(cmd + " /proc/self/mem"), 2, "/proc/self/mem: cannot be read");
    }
  }
  SECTION("standard input that is a folder") {
    check_failure(s.run("classify --policy '" + pol + "' -", folder), 2, "standard input: cannot be read");
  }
}

TEST_CASE("eval exits 1 when a line could not be scored and 0 when all were") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  const std::string good = R"({"id": "a", "sender": {"name": "Ann"}, "message": "", "expect": {"category": "generic"}})";
  CHECK(s.run("eval --policy '" + pol + "' '" + s.write("good.jsonl", good + "\n") + "'").status == 0);
  const auto r = s.run("eval --policy '" + pol + "' '" + s.write("bad.jsonl", good + "\n{\"id\": \n" + good + "\n") + "'");
  check_failure(r, 1, "line 2: not valid JSON");
  CHECK_THAT(r.out, Contains("records: 2"));
}

TEST_CASE("a policy with several wrong fields: the tool reports each on its own line, in document order") {
  const scratch s;
  const auto pol = s.write("policy.json", R"({"note_limit": 7, "me": {"work_email": "nope"}, "mode": "strict"})");
  const std::string expected = "policy.json: policy.note_limit: expected a number from 60 to 300, got 7\n"
                               "vouch: " + (s.dir / "policy.json").string() +
                               ": policy.me.work_email: expected an e-mail address such as name@example.com, got \"nope\"\n"
                               "vouch: " + (s.dir / "policy.json").string() +
                               ": policy.mode: expected \"quality\", \"balanced\" or \"open\", got \"strict\"\n";
  const auto v = s.run("validate-policy '" + pol + "'");
  check_failure(v, 2, expected);
  CHECK(v.out.empty());
  const auto c = s.run("classify --policy '" + pol + "' '" + s.write("in.jsonl", good_known + "\n") + "'");
  check_failure(c, 2, expected);
  CHECK(c.out.empty());
}

namespace {

/// Runs the tool with `args` (no shell), standard input from `in` and output to `out`; returns the
/// child's peak resident memory in bytes (from wait4, so only this run counts), or 0 on failure.
long peak_memory_of(std::vector<std::string> args, const std::string& in, const std::string& out) {
  args.insert(args.begin(), VOUCH_TOOL);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int i = ::open(in.c_str(), O_RDONLY), o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open("/dev/null", O_WRONLY);
    if (i < 0 || o < 0 || e < 0) ::_exit(127);
    ::dup2(i, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage ru {};
  if (pid < 0 || ::wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return 0;
  return ru.ru_maxrss * 1024L;  // Linux reports kilobytes
}

}  // namespace

TEST_CASE("a 10 MB note is judged on its first 4000 bytes, within a small multiple of its size in memory") {
  const scratch s;
  const auto pol = s.write("policy.json", policy_text);
  std::string note;
  const std::string sentence = "We worked together at Maersk in 2014, d\xc3\xa9j\xc3\xa0 vu \xf0\x9f\x98\x80, and I would love to reconnect. ";
  while (note.size() < 10'000'000) note += sentence;
  // The first 4000 bytes, cut at a character boundary as the core cuts it.
  std::size_t cut = 4000;
  while ((static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
  auto line = [](const std::string& message) {
    return json{{"id", "big"}, {"sender", {{"name", "Ole Berg"}}}, {"message", message}}.dump() + "\n";
  };
  const auto big = s.write("big.jsonl", line(note));
  const auto small = s.write("small.jsonl", line(note.substr(0, cut)));
  note.clear();
  note.shrink_to_fit();

  const long peak = peak_memory_of({"classify", "--policy", pol, big}, "/dev/null", (s.dir / "big.out").string());
  REQUIRE(peak > 0);
  const std::string big_result = s.read("big.out");
  const auto r = s.run("classify --policy '" + pol + "' '" + small + "'");
  REQUIRE(r.status == 0);
  CHECK(big_result == r.out);
  CHECK(json::parse(big_result)["category"] == "known");
  // Before: the tool held the whole input twice before parsing it, and the note's UTF-16 map took
  // four bytes a byte of the whole note (about 100 MB for this 10 MB line; now about 55 MB).
  INFO("peak resident memory: " << peak / 1'000'000 << " MB for a " << fs::file_size(big) / 1'000'000 << " MB line");
  CHECK(peak < 7 * static_cast<long>(fs::file_size(big)));

  SECTION("and the same through standard input and eval") {
    const auto from_stdin = s.run("classify --policy '" + pol + "' -", big);
    CHECK(from_stdin.out == r.out);
    const auto labelled = s.write("labelled.jsonl", json{{"id", "big"}, {"sender", {{"name", "Ole Berg"}}},
                                                         {"message", std::string(10'000'000, 'a') + " worked together"},
                                                         {"expect", {{"category", "generic"}}}}.dump() + "\n");
    const long eval_peak = peak_memory_of({"eval", "--policy", pol, labelled}, "/dev/null", (s.dir / "eval.out").string());
    CHECK(eval_peak > 0);
    INFO("eval's peak resident memory: " << eval_peak / 1'000'000 << " MB");
    CHECK(eval_peak < 7 * static_cast<long>(fs::file_size(labelled)));
    CHECK_THAT(s.read("eval.out"), Contains("records: 1"));
  }
}
