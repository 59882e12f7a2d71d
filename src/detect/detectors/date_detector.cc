#include "detect/detectors/date_detector.h"

#include "detect/validators/dates.h"

namespace breachscope {
namespace {

Validation ValidateDate(std::string_view text) {
  std::optional<ParsedDate> parsed = ParseDate(text);
  if (!parsed) return {};
  if (parsed->ambiguous) {
    return {Verdict::kPlausible, ToIso(parsed->date), {},
            "day/month ambiguous, read day first"};
  }
  return {Verdict::kConfirmed, ToIso(parsed->date), {}, "calendar date"};
}

// English and French month names and abbreviations, a superset of what
// MonthFromName() accepts (it has the final word). Accented letters are
// matched bytewise in both cases, ASCII ones caseless.
#define BS_MONTH                                                          \
  "(jan(uary|v|vier)?|feb(ruary)?|f(e|\xC3\xA9|\xC3\x89)v(r|rier)?"       \
  "|mar(ch|s)?|apr(il)?|avr(il)?|may|mai|june?|juin|july?|juil(let)?"     \
  "|aug(ust)?|ao(u|\xC3\xBB|\xC3\x9B)t|sep(t|tember|tembre)?"             \
  "|oct(ober|obre)?|nov(ember|embre)?|d(e|\xC3\xA9|\xC3\x89)c(ember|embre)?)"
#define BS_YEAR "(19|20)[0-9]{2}"

constexpr std::string_view kYearFirst =
    BS_YEAR "[/-][0-9]{1,2}[/-][0-9]{1,2}";
constexpr std::string_view kYearLast =
    "[0-9]{1,2}[/.-][0-9]{1,2}[/.-]" BS_YEAR;
constexpr std::string_view kMonthFirst =
    BS_MONTH "\\.? {1,3}[0-9]{1,2},? {1,3}" BS_YEAR;
constexpr std::string_view kDayFirst =
    "[0-9]{1,2}(er)? {1,3}" BS_MONTH "\\.?,? {1,3}" BS_YEAR;
constexpr std::string_view kCompact = BS_YEAR "[0-9]{4}([0-9]{4}([0-9]{2})?)?";

#undef BS_MONTH
#undef BS_YEAR

std::vector<Trigger> Triggers() {
  return {
      {.name = "date_ymd", .pattern = kYearFirst, .confidence = 0.60,
       .time_may_follow = true},
      {.name = "date_numeric", .pattern = kYearLast, .confidence = 0.60},
      {.name = "date_month_name", .pattern = kMonthFirst, .caseless = true,
       .confidence = 0.65},
      {.name = "date_day_month_name", .pattern = kDayFirst, .caseless = true,
       .confidence = 0.65},
      {.name = "date_compact", .pattern = kCompact, .confidence = 0.55,
       .needs = TriggerNeeds::kLabel},
  };
}

std::vector<ContextSet> Contexts() {
  return {
      {"date_of_birth",
       {"dob", "birth", "born", "birthdate", "naissance", "né", "née", "ddn"},
       {"PID-7"}},
      {"service_date",
       {"service", "visit", "collection", "collected", "specimen",
        "admission", "admitted", "admit", "discharge", "discharged",
        "appointment", "encounter", "observation", "received", "reported",
        "resulted", "seen", "consultation"},
       {"PV1-44", "PV1-45", "OBR-7", "OBR-8", "OBR-14", "OBR-22", "OBX-14",
        "SPM-17", "SPM-18"}},
  };
}

std::vector<DetectorExample> Examples() {
  return {
      Match("1975-03-14", "DOB", "date_of_birth", "1975-03-14"),
      Match("14/03/1975", "Date of Birth", "date_of_birth", "1975-03-14"),
      Match("03/14/1975", "Visit Date", "service_date", "1975-03-14"),
      Match("Born March 14, 1975 in Regina", "", "date_of_birth", "1975-03-14"),
      Match("né le 1er mars 1975", "", "date_of_birth", "1975-03-01"),
      Match("Seen on 3 Sept 2021", "", "service_date", "2021-09-03"),
      Match("admitted 12 février 2020", "", "service_date", "2020-02-12"),
      Match("14.03.1975", "patient_dob", "date_of_birth", "1975-03-14"),
      Match("2020-05-01T10:30:00Z", "Collected", "service_date", "2020-05-01"),
      FieldMatch("19750314", "PID-7", "date_of_birth", "1975-03-14"),
      FieldMatch("202001021230", "OBR-7", "service_date", "2020-01-02"),
      FieldMatch("1975-03-14", "entry.resource.birthDate", "date_of_birth",
                 "1975-03-14"),
      Match("DOB 2020-01-02, seen 2021-01-02", "", "date_of_birth",
            "2020-01-02"),
      NoMatch("1975-03-14"),
      NoMatch("Date: 14/03/1975"),
      NoMatch("2023-02-29", "DOB"),
      NoMatch("13/13/2020", "DOB"),
      NoMatch("1899-12-31", "DOB"),
      NoMatch("DOB 19750314"),
      NoMatch("14/03-1975", "DOB"),
      NoMatch("114/03/1975", "DOB"),
      NoMatch("31 Foo 1975", "DOB"),
  };
}

}  // namespace

const DetectorSpec& DateDetector() {
  static const DetectorSpec* const kSpec = new DetectorSpec{
      .id = "date",
      .category = "date_of_birth",
      .description = "Dates of birth and of service, chosen by context",
      .triggers = Triggers(),
      .contexts = Contexts(),
      .requires_context = true,
      .validate = ValidateDate,
      .examples = Examples(),
  };
  return *kSpec;
}

}  // namespace breachscope
