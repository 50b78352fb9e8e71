import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Health note' };

export default function HealthNotePage() {
  return (
    <>
      <h1>Health note</h1>
      <p>
        <strong>Villi plans meals. It is not medical advice</strong>, it does not diagnose anything,
        and it never tells you to change a medication. Elimination diets are short experiments, best
        done with a clinician or dietitian who knows you.
      </p>
      <h2>Talk to a clinician first if…</h2>
      <ul>
        <li>
          <strong>You might have celiac disease.</strong> Get tested <em>before</em> you remove
          gluten: the tests need you to be eating gluten to be reliable.
        </li>
        <li>
          You are losing weight without trying, or have blood in your stool, black stools,
          night-time symptoms, persistent vomiting, trouble swallowing or food sticking, fever, or
          new symptoms after about 45–50.
        </li>
        <li>The plan is for a child or teenager: restricted diets can affect growth.</li>
        <li>
          You are pregnant or breastfeeding: needs for iodine, protein and folate are higher, and
          liver should be limited.
        </li>
        <li>
          You have, or have had, an eating disorder, or food rules are starting to make you anxious.
        </li>
        <li>
          You have type 1 diabetes or take insulin: changing carbohydrate per meal changes your
          insulin needs.
        </li>
        <li>
          You have a food allergy with severe reactions, or eosinophilic esophagitis:
          reintroductions need medical supervision.
        </li>
      </ul>
      <h2>…and during the plan if…</h2>
      <ul>
        <li>
          An elimination phase has lasted longer than a few weeks (low-FODMAP: 2–6 weeks; AIP:
          usually 30–90 days) without a clear plan to reintroduce foods.
        </li>
        <li>
          You feel dizzy, very tired, lose hair or miss periods, or lose weight you did not mean to
          lose.
        </li>
        <li>
          A food seems to cause hives, swelling or wheezing: that needs urgent care, and that food
          should not be retested without a clinician.
        </li>
      </ul>
      <h2 id="evidence">What the evidence levels mean</h2>
      <p>
        Every inflammation tag in Villi carries an evidence level for the claim attached to it, not
        for the food in general:
      </p>
      <dl>
        <dt>
          <strong>strong</strong>
        </dt>
        <dd>
          Consistent results from well-run trials or large bodies of evidence (for example,
          alcohol’s harms).
        </dd>
        <dt>
          <strong>moderate</strong>
        </dt>
        <dd>
          Some controlled trials or consistent observational data, with limits (for example, omega-3
          fish and inflammatory markers).
        </dd>
        <dt>
          <strong>weak</strong>
        </dt>
        <dd>
          Small or uncontrolled studies, or mostly laboratory data (for example, turmeric in food
          amounts, or bone broth and collagen for gut healing, which is untested in humans).
        </dd>
        <dt>
          <strong>debated</strong>
        </dt>
        <dd>
          Popular claims where studies disagree or are missing (for example, that dairy, sugar or
          seed oils are inflammatory).
        </dd>
      </dl>
      <p>
        When Villi plans a week, a claim counts by its evidence: strong 1, moderate 0.6, weak 0.3,
        debated 0.1. A debated claim cannot push calcium- or fiber-rich foods out of your week.
      </p>
      <p>
        Foods left out by a protocol are <em>not in this phase</em>, not “bad”: most return during
        reintroduction. <Link href="/protocols">Read about each protocol</Link>.
      </p>
    </>
  );
}
