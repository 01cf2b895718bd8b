package dev.fxalert.evaluation.delivery;

import java.util.List;

/** Sends pushes and settles their pending state in the store; returns once every push has an outcome. */
public interface PushSender {

    List<PushOutcome> send(List<Push> pushes);
}
