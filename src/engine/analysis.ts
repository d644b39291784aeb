// Switching values and the tornado of one scenario, by the pure model. No
// HyperFormula here: the analysis worker loads only the model.
import { costScenarios } from '../model/recost';
import { simulate, type RiskResult } from '../model/risk';
import { tornado } from '../model/sensitivity';
import { switchingValues } from '../model/switching';
import { CostingCache, WorkbookHolder } from './analysis-workbook';
import { packPostCosts } from './post-costs';
import type { Analysis, AnalysisHandlers, AnalysisRequest, RiskRequest } from './protocol';

export function analyse(request: AnalysisRequest): Analysis {
  const today = new Date(request.today);
  return {
    scenario: request.scenario,
    switching: switchingValues(request.workbook, request.scenario, today),
    tornado: tornado(request.workbook, request.scenario, request.ranges, today),
  };
}

/** A scenario's runs, reporting progress every 500 runs (about 20 times at the default 10,000). */
export function risk(request: RiskRequest, progress?: (done: number) => void): RiskResult {
  return simulate(request.workbook, request.scenario, request.settings, { today: new Date(request.today), progress, every: 500 });
}

/**
 * What the analysis worker answers: it keeps the workbook it was last sent,
 * and each post's costs, so the page sends what changed, the model costs
 * only the posts that did (analysis-workbook.ts), and the post costs go
 * back as the rows that changed (post-costs.ts).
 */
export function analysisHandlers(): AnalysisHandlers {
  const kept = new WorkbookHolder();
  const costing = new CostingCache();
  /** The post costs last sent: the next answer sends the rows that differ. */
  let sent: number[][] | null = null;
  /** Answers given, so a warm-up left waiting behind a newer request does nothing. */
  let answers = 0;
  return {
    analyse(request) {
      const started = performance.now();
      return { analysis: analyse({ ...request, workbook: kept.receive(request.workbook) }), ms: performance.now() - started };
    },
    risk,
    model({ workbook, today, known }) {
      const started = performance.now();
      const held = kept.receive(workbook);
      const { postCosts, ...results } = costing.cost(held, new Date(today));
      const posts = packPostCosts(known ? sent : null, postCosts);
      sent = postCosts;
      const answered = ++answers;
      // A workbook sent whole (an import, a workbook opened) had every post worked out; the change that
      // follows finds them kept instead, code not yet compiled: at 10,000 posts the first insert's figures
      // took 140 ms, later ones 40-60 ms. Costed again twice once the answer has gone, each in a task of its
      // own so a change sent meanwhile goes first (and the warm-up is then not needed).
      if ('whole' in workbook) {
        const again = (times: number) =>
          setTimeout(() => {
            if (answers !== answered) return;
            packPostCosts(postCosts, costing.cost(held, new Date(today)).postCosts);
            if (times > 1) again(times - 1);
          }, 0);
        again(2);
      }
      return { results, posts, ms: performance.now() - started };
    },
    // A change to some scenarios alone: the page has the rest. At 10,000 posts a start delay first set costs one
    // scenario's posts (some 20 ms) where costing the workbook costs five and each post's (some 70).
    recost({ workbook, today, known, recost }) {
      const started = performance.now();
      const { postCosts, ...costed } = costScenarios(kept.receive(workbook), recost, new Date(today));
      let posts = null;
      if (postCosts) {
        posts = packPostCosts(known ? sent : null, postCosts);
        sent = postCosts;
      }
      answers++;
      return { costed, posts, ms: performance.now() - started };
    },
  };
}
