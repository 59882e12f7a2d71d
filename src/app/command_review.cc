// `breachscope review list|show|link|split`: the pairs resolve was unsure
// of, and the reviewer's decisions on them. Values are masked unless
// `show --reveal`.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/case_access.h"
#include "app/command_registry.h"
#include "app/exit_codes.h"
#include "app/individuals_access.h"
#include "common/mask.h"

namespace breachscope {
namespace {

struct ReviewArgs {
  std::string case_dir;
  std::vector<std::string> targets;  // a pair number, or two record keys
  size_t limit = 50;
  bool reveal = false;
};

struct ReviewData {
  std::vector<PersonRecord> records;
  std::vector<StoredReviewPair> pairs;
};

bool Load(IndividualsStore& store, ReviewData* data) {
  Result<std::vector<PersonRecord>> records = store.LoadPersonRecords();
  Result<std::vector<StoredReviewPair>> pairs = store.LoadReviewPairs();
  if (!records.ok() || !pairs.ok()) {
    std::cerr << "breachscope: review: "
              << (records.ok() ? pairs.status() : records.status()).ToString() << "\n";
    return false;
  }
  data->records = std::move(records).value();
  data->pairs = std::move(pairs).value();
  return true;
}

std::string FirstOr(const std::vector<std::string>& v, std::string_view category) {
  return v.empty() ? "-" : MaskValue(category, v[0]);
}

// "J*** C***, 1968-**-**": enough to tell two records apart, not to
// identify anyone.
std::string MaskedSketch(const PersonRecord& r) {
  std::string name = r.names.empty() ? "-" : MaskValue("name", r.names[0].full);
  return name + ", " + FirstOr(r.dates_of_birth, "date_of_birth");
}

int RunList(const ReviewArgs& args) {
  std::unique_ptr<IndividualsStore> store = OpenCaseIndividuals(args.case_dir);
  if (!store) return CaseOpenExitCode(args.case_dir);
  ReviewData data;
  if (!Load(*store, &data)) return kExitFailure;
  if (data.pairs.empty()) {
    std::cout << "no pairs to review\n";
    return kExitOk;
  }
  size_t shown = 0;
  for (const StoredReviewPair& p : data.pairs) {
    if (shown++ == args.limit) {
      std::cout << "... " << data.pairs.size() - args.limit << " more (--limit)\n";
      break;
    }
    const PersonRecord& a = data.records[p.a];
    const PersonRecord& b = data.records[p.b];
    char head[48];
    std::snprintf(head, sizeof(head), "%4u  weight %6.2f", p.number, p.weight);
    std::cout << head << "  " << a.key << "  <->  " << b.key << "\n"
              << "      " << MaskedSketch(a) << "  |  " << MaskedSketch(b) << "\n"
              << "      " << p.why << "\n";
  }
  return kExitOk;
}

// Lines "field: value; value" of one record, masked unless `reveal`.
std::vector<std::string> Describe(const PersonRecord& r, bool reveal) {
  auto show = [reveal](std::string_view category, const std::string& v) {
    return reveal ? v : MaskValue(category, v);
  };
  auto list = [&](std::string_view category, const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) out += (out.empty() ? "" : "; ") + show(category, v);
    return out.empty() ? std::string("-") : out;
  };
  std::vector<std::string> names, numbers, record_numbers;
  for (const PersonName& n : r.names) names.push_back(n.full);
  for (const HealthNumber& h : r.health_numbers) {
    numbers.push_back((h.jurisdiction.empty() ? "" : h.jurisdiction + ":") +
                      show("health_insurance_number", h.number));
  }
  for (const std::string& n : r.record_numbers) {
    const size_t colon = n.find(':');
    record_numbers.push_back(n.substr(0, colon + 1) +
                             show("medical_record_number", n.substr(colon + 1)));
  }
  auto joined = [](const std::vector<std::string>& v) {
    std::string out;
    for (const std::string& s : v) out += (out.empty() ? "" : "; ") + s;
    return out.empty() ? std::string("-") : out;
  };
  std::string categories = joined(r.categories);
  return {"record:         " + r.key,
          "role:           " + std::string(RoleName(r.role)),
          "names:          " + list("name", names),
          "dates of birth: " + list("date_of_birth", r.dates_of_birth),
          "health numbers: " + joined(numbers),
          "record numbers: " + joined(record_numbers),
          "emails:         " + list("email", r.emails),
          "phones:         " + list("phone", r.phones),
          "addresses:      " + list("address", r.addresses),
          "categories:     " + categories};
}

Result<uint32_t> PairNumber(const std::string& text, size_t pairs) {
  char* end = nullptr;
  const unsigned long n = std::strtoul(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || n == 0 || n > pairs) {
    return InvalidArgument("no review pair " + text + " (see `breachscope review list`)");
  }
  return static_cast<uint32_t>(n);
}

int RunShow(const ReviewArgs& args) {
  std::unique_ptr<IndividualsStore> store = OpenCaseIndividuals(args.case_dir);
  if (!store) return CaseOpenExitCode(args.case_dir);
  ReviewData data;
  if (!Load(*store, &data)) return kExitFailure;
  if (args.targets.size() != 1) {
    std::cerr << "breachscope: review show takes one pair number\n";
    return kExitUsage;
  }
  Result<uint32_t> n = PairNumber(args.targets[0], data.pairs.size());
  if (!n.ok()) {
    std::cerr << "breachscope: " << n.status().message() << "\n";
    return kExitUsage;
  }
  const StoredReviewPair& p = data.pairs[n.value() - 1];
  if (args.reveal) {
    // A reveal that cannot be recorded does not happen.
    AuditEvent event;
    event.action = "reveal";
    event.detail = "review pair " + std::to_string(p.number);
    Status audited = RecordAudit(args.case_dir, event);
    if (!audited.ok()) {
      std::cerr << "breachscope: review: cannot record the reveal: " << audited.message()
                << "\n";
      return kExitFailure;
    }
  }
  std::printf("pair %u, weight %.2f: %s\n", p.number, p.weight, p.why.c_str());
  for (uint32_t index : {p.a, p.b}) {
    std::cout << "\n";
    for (const std::string& line : Describe(data.records[index], args.reveal)) {
      std::cout << "  " << line << "\n";
    }
  }
  return kExitOk;
}

bool KnownKey(const std::vector<PersonRecord>& records, const std::string& key) {
  for (const PersonRecord& r : records) {
    if (r.key == key) return true;
  }
  return false;
}

int RunDecide(const ReviewArgs& args, bool link) {
  std::unique_ptr<IndividualsStore> store = OpenCaseIndividuals(args.case_dir);
  if (!store) return CaseOpenExitCode(args.case_dir);
  ReviewData data;
  if (!Load(*store, &data)) return kExitFailure;
  ReviewDecision decision;
  decision.link = link;
  if (args.targets.size() == 1) {
    Result<uint32_t> n = PairNumber(args.targets[0], data.pairs.size());
    if (!n.ok()) {
      std::cerr << "breachscope: " << n.status().message() << "\n";
      return kExitUsage;
    }
    decision.key_a = data.records[data.pairs[n.value() - 1].a].key;
    decision.key_b = data.records[data.pairs[n.value() - 1].b].key;
  } else if (args.targets.size() == 2) {
    for (const std::string& key : args.targets) {
      if (!KnownKey(data.records, key)) {
        std::cerr << "breachscope: no person-record '" << key << "'\n";
        return kExitUsage;
      }
    }
    decision.key_a = args.targets[0];
    decision.key_b = args.targets[1];
  } else {
    std::cerr << "breachscope: give a pair number or two record keys\n";
    return kExitUsage;
  }
  Status st = store->AddDecision(decision);
  if (!st.ok()) {
    std::cerr << "breachscope: review: " << st.message() << "\n";
    return st.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  AuditEvent event;
  event.action = "review";
  event.detail = link ? "link" : "split";
  (void)RecordAudit(args.case_dir, event);  // the decision itself is stored
  std::cout << (link ? "linked: " : "split: ") << decision.key_a << "  " << decision.key_b
            << "\nrun `breachscope resolve --case " << args.case_dir << "` to apply\n";
  return kExitOk;
}

CLI::App* AddReviewSub(CLI::App* review, const char* name, const char* help,
                       std::shared_ptr<ReviewArgs> args) {
  CLI::App* cmd = review->add_subcommand(name, help);
  cmd->add_option("--case", args->case_dir, "Case folder")->required();
  return cmd;
}

}  // namespace

void RegisterReviewCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ReviewArgs>();
  CLI::App* review = app.add_subcommand(
      "review", "The pairs of person-records resolve was unsure of, and decisions on them.");
  review->require_subcommand(1);
  CLI::App* list = AddReviewSub(review, "list", "List the pairs, values masked", args);
  list->add_option("--limit", args->limit, "Pairs listed (default 50)");
  list->callback([args, exit_code] { *exit_code = RunList(*args); });
  CLI::App* show = AddReviewSub(review, "show", "Show one pair side by side", args);
  show->add_option("pair", args->targets, "Pair number (from review list)")->required();
  show->add_flag("--reveal", args->reveal, "Show values unmasked");
  show->callback([args, exit_code] { *exit_code = RunShow(*args); });
  for (bool link : {true, false}) {
    CLI::App* cmd = AddReviewSub(
        review, link ? "link" : "split",
        link ? "Record that two records are the same person (kept across resolve runs)"
             : "Record that two records are different people (kept across resolve runs)",
        args);
    cmd->add_option("targets", args->targets, "A pair number, or two record keys")
        ->required()
        ->expected(1, 2);
    cmd->callback([args, exit_code, link] { *exit_code = RunDecide(*args, link); });
  }
}

}  // namespace breachscope
