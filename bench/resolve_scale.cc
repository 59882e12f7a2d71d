// resolve_scale: resolves generated person-records and prints seconds,
// records/s, peak memory and accuracy against the generator's truth.
//
//   resolve_scale [--records N (1000000)] [--threads N (2)] [--seed S]
//                 [--show-errors N] [--in-memory] [--write-case DIR]
//
// Records are made one at a time and handed to Resolve() as it reads them;
// --in-memory makes them all first and passes the whole vector.
//
// --write-case DIR resolves nothing: it writes the records into the case
// DIR (made first by `breachscope case init --case DIR`) as the findings of
// CSV rows, so the `resolve` command itself is measured end to end:
//   breachscope case init --case DIR
//   resolve_scale --records 1000000 --write-case DIR
//   /usr/bin/time -v breachscope resolve --case DIR --threads 2
//
// The generator makes households (a shared address, often a landline and
// a family e-mail; twins; fathers and sons of one name) and one to several
// records per person, with nicknames, typos in names, birth dates with a
// typo, swapped day and month or missing, married names, health numbers
// missing or mistyped, people who moved. Records are shuffled.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/embedded_data.h"
#include "eval_resolve_metrics.h"
#include "resolve/resolver.h"
#include "resolve_scale_case.h"

namespace breachscope {
namespace {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return Next() % n; }
  bool Chance(double p) { return (Next() >> 11) * 0x1.0p-53 < p; }
  // Zipf-like pick: a few names are very common, most are rare.
  size_t Skewed(size_t n) {
    double u = (Next() >> 11) * 0x1.0p-53;
    return std::min(n - 1, static_cast<size_t>(u * u * u * n));
  }

 private:
  uint64_t state_;
};

std::vector<std::string> Lines(const char* path) {
  std::vector<std::string> out;
  ForEachDataLine(path, [&](std::string_view line) { out.emplace_back(line); });
  return out;
}

// Formal names with a nickname, for the records that use one.
constexpr std::pair<const char*, const char*> kNicknames[] = {
    {"robert", "bob"}, {"william", "bill"}, {"elizabeth", "liz"}, {"margaret", "peggy"},
    {"richard", "dick"}, {"katherine", "kate"}, {"james", "jim"}, {"jennifer", "jen"},
    {"michael", "mike"}, {"patricia", "pat"}, {"joseph", "joe"}, {"susan", "sue"},
    {"thomas", "tom"}, {"deborah", "debbie"}, {"charles", "chuck"}, {"alexander", "alex"}};

struct Person {
  std::string given, family, maiden, dob, health_number, mobile, email;
  uint32_t household = 0;
};

struct Household {
  std::string address, postal, landline, email, family;
};

std::string Digits(Random& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + rng.Below(10)));
  return s;
}

std::string Typo(Random& rng, std::string s) {
  if (s.size() < 3) return s;
  size_t i = 1 + rng.Below(s.size() - 1);
  switch (rng.Below(3)) {
    case 0: s[i] = static_cast<char>('a' + rng.Below(26)); break;  // substitution
    case 1: s.erase(i, 1); break;                                    // deletion
    default: std::swap(s[i - 1], s[i]);                              // transposition
  }
  return s;
}

std::string Dob(Random& rng) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(1930 + rng.Below(90)),
                static_cast<int>(1 + rng.Below(12)), static_cast<int>(1 + rng.Below(28)));
  return buf;
}

std::string Postal(Random& rng) {
  std::string p = "S0A 0A0";
  for (int i : {0, 2, 5}) p[i] = static_cast<char>('A' + rng.Below(26));
  for (int i : {1, 4, 6}) p[i] = static_cast<char>('0' + rng.Below(10));
  return p;
}

struct Population {
  std::vector<Person> people;
  std::vector<Household> households;
};

Population MakePeople(Random& rng, size_t count, const std::vector<std::string>& given,
                      const std::vector<std::string>& family) {
  Population pop;
  while (pop.people.size() < count) {
    Household h;
    h.family = family[rng.Skewed(family.size())];
    h.address = std::to_string(1 + rng.Below(9999)) + " " + family[rng.Below(family.size())] + " street, regina sk";
    h.postal = Postal(rng);
    if (rng.Chance(0.5)) h.landline = "+1306" + Digits(rng, 7);
    if (rng.Chance(0.3)) h.email = h.family + Digits(rng, 3) + "@example.com";
    uint32_t id = static_cast<uint32_t>(pop.households.size());
    pop.households.push_back(h);
    size_t members = 1 + rng.Below(4);
    for (size_t m = 0; m < members && pop.people.size() < count; ++m) {
      Person p;
      p.household = id;
      p.family = h.family;
      // Members of a household have different given names (but for a son
      // named after his father, below).
      do {
        bool nick = rng.Chance(0.15);
        p.given = nick ? kNicknames[rng.Below(std::size(kNicknames))].first : given[rng.Skewed(given.size())];
      } while (std::any_of(pop.people.end() - m, pop.people.end(), [&](const Person& o) { return o.given == p.given; }));
      p.dob = Dob(rng);
      if (m > 0 && rng.Chance(0.04)) p.dob = pop.people.back().dob;  // twins: another given name
      // A son named after his father, born 25 to 34 years after him (and
      // not in the future: a father born after 1990 has no namesake son).
      if (m > 0 && rng.Chance(0.03) && std::stoi(pop.people.back().dob.substr(0, 4)) <= 1990) {
        p.given = pop.people.back().given;
        p.dob = std::to_string(std::stoi(pop.people.back().dob.substr(0, 4)) + 25 + rng.Below(10)) +
                Dob(rng).substr(4);
      }
      if (rng.Chance(0.15)) p.maiden = family[rng.Skewed(family.size())];
      p.health_number = Digits(rng, 9);
      if (rng.Chance(0.6)) p.mobile = "+1306" + Digits(rng, 7);
      if (rng.Chance(0.4)) p.email = p.given + "." + p.family + Digits(rng, 2) + "@example.org";
      pop.people.push_back(p);
    }
  }
  return pop;
}

const char* NicknameOf(const std::string& given) {
  for (auto [formal, nick] : kNicknames) {
    if (given == formal) return nick;
  }
  return nullptr;
}

PersonRecord MakeRecord(Random& rng, const Person& p, const Household& h, uint32_t person_id, size_t index) {
  PersonRecord r;
  r.key = "gen/" + std::to_string(index / 1000) + ".csv#row " + std::to_string(index % 1000);
  r.source = "gen";
  std::string given = p.given, family = p.family;
  if (const char* nick = NicknameOf(given); nick && rng.Chance(0.3)) given = nick;
  if (rng.Chance(0.05)) given = Typo(rng, given);
  if (rng.Chance(0.05)) family = Typo(rng, family);
  if (!p.maiden.empty() && rng.Chance(0.5)) family = p.maiden;  // records before the marriage
  r.names.push_back({given, "", family, "", given + " " + family});
  if (!rng.Chance(0.12)) {
    std::string dob = p.dob;
    if (rng.Chance(0.03)) dob[9] = static_cast<char>('1' + rng.Below(8));           // day typo
    if (rng.Chance(0.01) && dob[8] <= '1') dob = dob.substr(0, 5) + dob.substr(8, 2) + "-" + dob.substr(5, 2);
    r.dates_of_birth.push_back(dob);
  }
  if (rng.Chance(0.6)) {
    bool typo = rng.Chance(0.02);
    std::string hn = typo ? Typo(rng, p.health_number) : p.health_number;
    r.health_numbers.push_back({"SK", hn, !typo});
  }
  if (rng.Chance(0.7)) {
    bool moved = rng.Chance(0.1);
    r.addresses.push_back(moved ? std::to_string(1 + rng.Below(999)) + " other avenue, saskatoon sk" : h.address);
    r.postal_codes.push_back(moved ? Postal(rng) : h.postal);
  }
  if (!p.mobile.empty() && rng.Chance(0.5)) r.phones.push_back(p.mobile);
  if (!h.landline.empty() && rng.Chance(0.4)) r.phones.push_back(h.landline);
  if (!p.email.empty() && rng.Chance(0.5)) r.emails.push_back(p.email);
  if (!h.email.empty() && rng.Chance(0.3)) r.emails.push_back(h.email);
  (void)person_id;
  return r;
}

// User plus system CPU seconds of the whole process so far: on a shared
// machine wall time says as much about the neighbours as about us.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

}  // namespace
}  // namespace breachscope

int main(int argc, char** argv) {
  using namespace breachscope;
  size_t records = 1000000;
  int threads = 2;
  uint64_t seed = 7;
  int show_errors = 0;
  bool in_memory = false;
  std::string write_case;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--in-memory") {
      in_memory = true;
      continue;
    }
    if (i + 1 == argc) break;
    ++i;
    if (a == "--records") records = std::strtoull(argv[i], nullptr, 10);
    else if (a == "--threads") threads = std::atoi(argv[i]);
    else if (a == "--seed") seed = std::strtoull(argv[i], nullptr, 10);
    else if (a == "--show-errors") show_errors = std::atoi(argv[i]);
    else if (a == "--write-case") write_case = argv[i];
  }
  Random rng(seed);
  std::vector<std::string> given = Lines("names/first_names.txt"), family = Lines("names/last_names.txt");
  Population pop = MakePeople(rng, records * 10 / 17, given, family);  // about 1.7 records a person
  // Whose record comes at each position: the first pass gives everyone a
  // record, then people recur at random; the order is shuffled.
  std::vector<uint32_t> person_of(records);
  for (size_t i = 0; i < records; ++i) {
    person_of[i] = i < pop.people.size() ? static_cast<uint32_t>(i) : static_cast<uint32_t>(rng.Below(pop.people.size()));
  }
  for (size_t i = records; i > 1; --i) std::swap(person_of[i - 1], person_of[rng.Below(i)]);
  std::vector<std::string> truth(records);
  for (size_t i = 0; i < records; ++i) truth[i] = std::to_string(person_of[i]);
  // Record i is made from its own random stream, so it can be made again
  // (for --show-errors) without keeping a million records.
  auto make = [&](size_t i) {
    Random record_rng(seed * 0x9E3779B97F4A7C15ull + i);
    const Person& p = pop.people[person_of[i]];
    return MakeRecord(record_rng, p, pop.households[p.household], person_of[i], i);
  };
  if (!write_case.empty()) {
    Status written = WriteRecordsAsCase(write_case, records, make);
    if (!written.ok()) {
      std::fprintf(stderr, "resolve_scale: %s\n", written.ToString().c_str());
      return 1;
    }
    std::printf("wrote %zu records (%zu people) into %s\n", records, pop.people.size(),
                write_case.c_str());
    return 0;
  }
  std::vector<PersonRecord> input;  // --in-memory: all records held first
  if (in_memory) {
    input.reserve(records);
    for (size_t i = 0; i < records; ++i) input.push_back(make(i));
  }
  double generated_mb = PeakRssMb();
  ResolveOptions options;
  options.threads = threads;
  options.explain_links = show_errors > 0;
  double cpu_before = CpuSeconds();
  auto start = std::chrono::steady_clock::now();
  size_t next = 0;
  Resolution res = in_memory ? Resolve(input, {}, options)
                             : Resolve(
                                   [&](PersonRecord* record) {
                                     if (next == records) return false;
                                     *record = make(next++);
                                     return true;
                                   },
                                   records, {}, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds() - cpu_before;
  ClusterMetrics m = Measure(res.individual_of, truth);
  std::printf("records %zu  people %zu  threads %d\n", records, pop.people.size(), threads);
  std::printf("resolve: %.1f s, %.0f records/s, %.1f CPU s; peak RSS %.0f MB (%.0f MB before resolving: people%s)\n",
              seconds, records / seconds, cpu, PeakRssMb(), generated_mb, in_memory ? " and all records" : "");
  std::printf("candidate pairs %llu, linked %llu, review %llu, refused by constraints %llu\n",
              (unsigned long long)res.stats.candidate_pairs, (unsigned long long)res.stats.linked_pairs,
              (unsigned long long)res.stats.review_pairs, (unsigned long long)res.stats.blocked_merges);
  std::printf("individuals found %llu (true %llu); pairwise P %.4f R %.4f F1 %.4f; B-cubed P %.4f R %.4f; "
              "false merges %llu, split people %llu\n",
              (unsigned long long)m.found_entities, (unsigned long long)m.true_entities, m.precision, m.recall,
              m.f1, m.bcubed_precision, m.bcubed_recall, (unsigned long long)m.merged_clusters,
              (unsigned long long)m.split_entities);
  int shown = 0;
  for (const ReviewPair& link : res.links) {  // the data is generated: values may be shown
    if (truth[link.a] == truth[link.b] || shown++ >= show_errors) continue;
    auto describe = [&](uint32_t i) {
      const PersonRecord r = make(i);
      std::string out = r.names[0].given + " " + r.names[0].family;
      for (const auto& d : r.dates_of_birth) out += " " + d;
      for (const auto& h : r.health_numbers) out += " hn " + h.number + (h.check_digit_valid ? "" : "?");
      for (const auto& a : r.addresses) out += " | " + a;
      for (const auto& p : r.phones) out += " tel " + p;
      for (const auto& e : r.emails) out += " " + e;
      return out;
    };
    std::printf("false link %.1f\n  %s\n  %s\n  %s\n", link.weight, describe(link.a).c_str(),
                describe(link.b).c_str(), link.why.c_str());
  }
  return 0;
}
