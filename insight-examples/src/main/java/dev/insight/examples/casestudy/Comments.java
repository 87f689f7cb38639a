package dev.insight.examples.casestudy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Open comments for the synthetic staff survey, written in the voice of staff and volunteers and composed from
 * sentences that each express one code of the case study's codeframe, so that what a comment says is what it is
 * coded as. A few closing lines carry personal data (an e-mail address, a phone number), as real comments do, for
 * the redaction that reports apply.
 */
final class Comments {
  private static final List<List<String>> SENTENCES = List.of(
      // code_positive
      List.of(
          "The priorities look right to me and reflect what we see every day.",
          "I think these are the right priorities for our area.",
          "Really pleased to see mental health given the weight it deserves.",
          "Good to see prevention and early help running through the strategy.",
          "These priorities make sense and I am glad staff were asked.",
          "A sensible set of priorities that I fully support.",
          "Very positive that healthy weight and addiction are included.",
          "I welcome the focus on inequalities, it is long overdue.",
          "The strategy is clear and the priorities are well chosen.",
          "I agree with all of the priorities listed.",
          "It is encouraging to see carers recognised as a priority.",
          "Great to see the partnership working towards shared goals.",
          "This feels like a strategy that has listened to people.",
          "All of these matter to the families I work with, so well done.",
          "The priorities cover the issues our patients raise with us.",
          "I like that the strategy looks ten years ahead rather than one.",
          "Overall a strong draft and the right direction of travel.",
          "Pleased that ageing well is there, our population is getting older."),
      // code_staff_skills
      List.of(
          "None of this will happen without enough staff, and we are already stretched.",
          "Recruitment and retention have to come first or the priorities will stall.",
          "Staff need training and time to deliver this, not just another initiative.",
          "We do not have the workforce with the right skills to deliver all of this.",
          "Vacancies in my team have been open for months; who will do the work?",
          "Please invest in developing the staff we already have.",
          "Burnout is real, the strategy must look after the people delivering it.",
          "Mental health support needs trained staff, and there are not enough of them."),
      // code_delivery_detail
      List.of(
          "It is not clear how any of this will be delivered or measured.",
          "I would like to see the detail: who is responsible, by when, and how progress is tracked.",
          "How will success be monitored and evaluated over ten years?",
          "The priorities are fine but there is no delivery plan behind them.",
          "We need clear outcomes and milestones so we know if it is working.",
          "Please publish how you will report progress back to staff and residents.",
          "Without measurable targets this risks being words on a page."),
      // code_funding
      List.of(
          "None of this is possible without proper funding.",
          "Where is the money coming from? Budgets are being cut, not increased.",
          "Services in the voluntary sector need secure, longer-term funding to deliver this.",
          "Short-term funding makes it impossible to plan or keep good staff.",
          "The priorities need to be matched by investment, otherwise nothing changes.",
          "Funding should follow the priorities, especially for prevention."),
      // code_partnership
      List.of(
          "Organisations need to work together far better than they do now.",
          "We still work in silos; sharing information between services would help families most.",
          "Joined-up working between health, the councils and the voluntary sector is essential.",
          "Partners should agree shared outcomes rather than each doing their own thing.",
          "Better links between GPs, social care and community groups would make a real difference."),
      // code_coproduction
      List.of(
          "People with lived experience should help design how this is delivered.",
          "Please co-produce the actions with communities, not just consult them.",
          "Involve service users from the start, not at the end.",
          "Young people and carers should be at the table when decisions are made.",
          "Co-production needs to be real, with people paid for their time and expertise."),
      // code_ownership
      List.of(
          "People need the information and support to take charge of their own health.",
          "Access to services is a barrier for many, especially online-only information.",
          "Residents need to know what is available and how to get to it.",
          "Empower people to look after themselves, with clear and simple information.",
          "Make it easier to find and use services, particularly for people without the internet."),
      // code_focus
      List.of(
          "Focus on the people most in need rather than trying to do everything.",
          "Do fewer things and do them well.",
          "Target resources where need is greatest, in our most deprived neighbourhoods.",
          "Ten priorities is too many; concentrate on those with the greatest need."));

  private static final List<String> OPENERS = List.of("", "", "", "Overall, ", "Speaking as a nurse, ",
      "From a VCFSE point of view, ", "As a manager, ", "In my experience, ", "Honestly, ", "As a volunteer, ");

  private static final List<String> CLOSERS = List.of("", "", "", "", "", "Thank you for asking.",
      "Thanks for the opportunity to comment.", "Happy to discuss further.",
      "Happy to help with this - email me at sam.taylor@example.org.",
      "Call me on 07700 900123 if you want examples.", "Keep us informed please.");

  private Comments() {}

  static String[] compose(boolean[][] codes, SplittableRandom random) {
    int commenters = codes[0].length;
    int[] next = new int[SENTENCES.size()];
    List<List<String>> shuffled = new ArrayList<>();
    for (List<String> pool : SENTENCES) {
      List<String> copy = new ArrayList<>(pool);
      for (int i = copy.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        String swap = copy.get(i);
        copy.set(i, copy.get(j));
        copy.set(j, swap);
      }
      shuffled.add(copy);
    }
    String[] comments = new String[commenters];
    for (int who = 0; who < commenters; who++) {
      StringBuilder text = new StringBuilder();
      for (int code = 0; code < codes.length; code++) {
        if (codes[code][who]) {
          List<String> pool = shuffled.get(code);
          String sentence = pool.get(next[code]++ % pool.size());
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(sentence);
        }
      }
      String opener = OPENERS.get(random.nextInt(OPENERS.size()));
      if (!opener.isEmpty()) {
        boolean pronoun = text.charAt(0) == 'I' && !Character.isLetter(text.charAt(1));
        text.replace(0, 1, opener + (pronoun ? "I" : String.valueOf(Character.toLowerCase(text.charAt(0)))));
      }
      String closer = CLOSERS.get(random.nextInt(CLOSERS.size()));
      if (!closer.isEmpty()) {
        text.append(' ').append(closer);
      }
      comments[who] = text.toString();
    }
    return comments;
  }
}
