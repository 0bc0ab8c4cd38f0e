// The Train place. Opening it is what downloads MNIST (training and test sets): a visitor who only draws never does.
import { useEffect } from 'react';
import { ensureDataset } from '../../state/dataset-actions';
import { PlaceHeading } from '../ui/PlaceHeading';
import { DatasetPanel } from './DatasetPanel';
import { TrainingPanel } from './TrainingPanel';

export function TrainPage() {
  useEffect(() => {
    void ensureDataset('train');
    // Training reports test accuracy after every epoch, so the (small) test set comes along.
    void ensureDataset('test');
  }, []);
  return (
    <section className="place" aria-labelledby="train-title">
      <PlaceHeading place="train" />
      <TrainingPanel />
      <DatasetPanel />
    </section>
  );
}
